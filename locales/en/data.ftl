# data: texts of src/ (see locales/README.md)


## mod.rs (P0701, P0703–P0706, P0708)

# $kind: actual or forecast.
data-duplicate = `{ $id }` has a second { $kind } value for { $year }
    .primary = second value
    .label = the first value for the same indicator, period and kind
    .help = keep one row per indicator, period and kind: remove or correct one of them
data-statbank-no-map = `{ $path }` looks like a Statbank export (it has an INDHOLD column), but no mapping was given
    .primary = Statbank header
    .help = give `--statbank-map MAP.json` to say which rows belong to which indicator (see docs/reports.md)
# $reason: io-* (common.ftl).
data-cannot-read = cannot read the data file `{ $path }`: { $reason }
    .help = check the path given to --data (or --statbank-map)
data-not-a-number = `{ $text }` is not a number
    .primary = not a number
    .help-comma = this file is separated by commas, so a decimal comma cannot be told from a field separator: write `64.5`, or separate the fields with `;`
    .help-percent = write the number without the percent sign (the indicator's unit says it is a percentage)
    .help = write a number such as `64` or `64.5`, or leave the cell empty for a missing value (and give a motivation)
# $whole: the digits without separators; $decimal: the number read with a decimal comma.
data-ambiguous-dots = `{ $text }` is ambiguous: a dot may be a thousands separator or a decimal point
    .primary = thousands separator or decimal point?
    .help-one = a dot before three digits is a thousands separator in Danish and Swedish Excel, and a decimal point elsewhere: write { $whole } (without a thousands separator) or { $decimal }
    .help = dots before groups of three digits are thousands separators in Danish and Swedish Excel, which pejl does not read: write { $whole } (without a thousands separator)
# $what: value or benchmark; $unit: the unit as written; $problem: smart-unit-problem.
data-unit-misfit = the { $what ->
        [benchmark] benchmark
       *[value] value
    } { $value } does not fit `{ $id }`, whose unit is { $unit }: { $problem }
    .primary = not a valid { $unit } value
    .help = correct the { $what ->
        [benchmark] benchmark
       *[value] value
    }, or check that the row belongs to `{ $id }`
# $kind: county, national, peers or group; $declared: the columns `benchmark_…` it declares.
data-undeclared-kind = `{ $id }` declares no { $kind } benchmark, so this value is not used
    .primary = not used
    .instead-cell = leave the cell empty
    .help-none = `{ $id }` declares no benchmark: declare `benchmark { $kind } "…"` in the policy, or { $instead }
    .help = declare `benchmark { $kind } "…"` for `{ $id }` in the policy, or { $instead }; `{ $id }` declares { $declared }
data-undeclared-kind-rows = `{ $id }` declares no { $kind } benchmark, so the rows of `{ $key }` are not used
    .instead = take `{ $key }` out of the mapping
# $what: indicator or kolada.
data-unknown-indicator = the { $what ->
        [kolada] Kolada KPI
       *[indicator] indicator
    } `{ $id }` is not in the policy
    .primary = unknown indicator
    .help = the data may only name indicators the policy declares; declare `{ $id }` or correct the name

## csv.rs (P0701, P0702, P0705): the pejl CSV format

data-csv-empty-row = this row has only empty fields
    .primary = empty row
    .help = delete the empty row (a spreadsheet writes one for a row whose cells were cleared)
# $count: the row's fields; $width: the header's.
data-csv-width = this row has { $count } fields, but the header has { $width }
    .primary = wrong number of fields
    .help-comma = every row needs one field per header column; a text with a comma, or a decimal comma, must be quoted ("64,5" is still not a number: write 64.5 or separate the fields with `;`)
    .help = every row needs one field per header column; a text containing the separator must be quoted
data-csv-unclosed-quote = this quoted field has no closing quote
data-csv-after-quote = text after the closing quote of a field
data-csv-syntax =
    .primary = here
    .help = a field that contains the separator, a quote or a line break must be quoted, with quotes inside doubled: "a ""b"" c"
data-csv-empty-file = the data file is empty
    .help = the first line must be the header `indicator,period,value,benchmark,kind,motivation`
data-csv-column-twice = the column `{ $name }` appears twice in the header
    .primary = second column of this name
    .help = remove one of the two columns
data-csv-unknown-column = `{ $name }` is not a column of the pejl data format
    .primary = unknown column
    .help-translated = pejl's column names are English: `{ $name }` is `{ $column }`. The columns are indicator, period, value, benchmark, kind and motivation
# $kinds: yes when the unknown column starts with "benchmark".
data-csv-columns-are = the columns are indicator, period, value, benchmark, kind and motivation{ $kinds ->
        [yes] {" "}(and benchmark_county, benchmark_national, benchmark_peers and benchmark_group for benchmarks by kind)
       *[no] {""}
    }
    .capital = The columns are indicator, period, value, benchmark, kind and motivation{ $kinds ->
        [yes] {" "}(and benchmark_county, benchmark_national, benchmark_peers and benchmark_group for benchmarks by kind)
       *[no] {""}
    }
data-csv-header = header
data-csv-no-period = the header has no `period` column
    .help = the first line must name the columns: indicator,period,value,benchmark,kind,motivation (benchmark, kind and motivation may be left out)
data-csv-not-a-header = the first line is not a pejl data header: none of its columns is known
    .help = the first line must be the header `{ $expected }` ({ $tabs ->
        [yes] separated by tabs;{" "}
       *[no] {""}
    }copy it; benchmark, kind and motivation may be left out)
    .help-translated = the first line must be the header `{ $expected }` ({ $tabs ->
        [yes] separated by tabs;{" "}
       *[no] {""}
    }copy it; benchmark, kind and motivation may be left out); pejl's column names are English: { $explained }
# $columns: `indicator` and/or `value`.
data-csv-header-missing = the header has no { $columns } { $count ->
        [one] column
       *[other] columns
    }
# A column named in Danish or Swedish, and its name in pejl's data format.
data-csv-column-is = `{ $name }` is `{ $column }`
data-csv-comma = { $first }, { $second }
data-csv-no-indicator = this row names no indicator
    .primary = empty
    .help = write the indicator's ID from the policy in the `indicator` column
data-csv-not-a-year = `{ $text }` is not a year
    .primary = expected a year such as 2024
    .help = the `period` column holds the year the value is for, e.g. 2024
data-csv-not-a-kind = `{ $text }` is not a kind of value
    .primary = expected actual or forecast
    .help = `kind` is `actual` (an outcome, for annual reports) or `forecast` (for interim reports); empty means actual
data-csv-goal-value = `{ $id }` is a goal: a goal's row gives only a motivation, not a value
    .primary = value on a goal's row
    .help = put values on the row of the goal's indicator; keep the goal's row for its motivation
data-csv-goal-no-motivation = the row for the goal `{ $id }` has no motivation or analysis
    .primary = empty motivation
    .help = a goal's row gives that goal a written motivation or analysis; write it in the `motivation` (or `analysis`) column
# $kind: the default benchmark's kind (county, national, …).
data-csv-two-defaults = `{ $id }` has two different values for its default benchmark ({ $kind }) in { $year }
    .primary = benchmark_{ $kind }
    .label = `benchmark`, the default benchmark
    .help = `benchmark` is the default benchmark, which for `{ $id }` is the { $kind } benchmark: leave one of the two cells empty, or give them the same value

## json.rs: JSON syntax errors (Kolada files, Statbank mappings)

data-json-value-expected = expected a JSON value here
data-json-between-values = only spaces, tabs and line breaks may stand between JSON values
data-json-control = a line break or control character inside text
data-json-unterminated = this text has no closing quote
data-json-hex-digits = `\u` needs four hex digits
data-json-surrogate = this `\u` escape is not a character (a surrogate without its pair)
data-json-unknown-escape = unknown escape in text
data-json-digits = a number needs digits
data-json-decimal-point = a number needs digits before and after the decimal point
data-json-exponent = a number needs digits in its exponent
data-json-hexadecimal = hexadecimal numbers are not JSON
data-json-plus = a JSON number cannot start with `+`
data-json-single-quotes = JSON text is written in double quotes
data-json-comments = comments are not allowed in JSON
data-json-too-deep = the JSON is nested too deeply
data-json-key-expected = expected a quoted member name
data-json-colon-expected = expected `:` after the member name
data-json-ends = the JSON ends where a value was expected
data-json-object-comma = expected `,` or `{"}"}` in this object
data-json-list-comma = expected `,` or `]` in this list
data-json-after-end = unexpected text after the end of the JSON document
data-json-bad-number = this number cannot be read
# What kind of JSON value stands somewhere.
data-json-kind =
    .null = null
    .bool = true or false
    .number = a number
    .text = text
    .list = a list
    .object = an object

## kolada.rs (P0701, P0702, P0704, P0705, P0708): Kolada JSON exports

# $reason: data-json-*.
data-kolada-not-json = the Kolada file is not valid JSON: { $reason }
    .help = save the API's answer unchanged; a Kolada export is `{"{"}"values": […], "count": …{"}"}`
data-kolada-no-values = this JSON is not a Kolada data export: it has no `values` list
    .primary = expected {"{"}"values": […]{"}"}
    .help = use the answer of the Kolada API's data endpoint (v3 `/v3/data/kpi/ID/municipality/ID` or v2), saved unchanged
# $member: kpi or period.
data-kolada-no-member = this item has no `{ $member }`
data-kolada-no-municipality = this item has no `municipality` (values per organisational unit are not supported)
data-kolada-no-values-list = this item has no `values` list
# $member: kpi or municipality; $example: an ID of that kind.
data-kolada-not-text = `{ $member }` must be text such as "{ $example }"
data-kolada-shape =
    .primary = malformed item
    .help = each item of `values` is {"{"}"kpi": "…", "period": 2024, "municipality": "…", "values": [{"{"}"gender": "T", "value": …{"}"}]{"}"}
data-kolada-not-a-year =
    .help = Kolada's `period` is the year the value is for
# $kind: data-json-kind.
data-kolada-not-a-number =
    .primary = { $kind }, not a number
    .help = a Kolada value is a number, or null when it is missing
data-kolada-first-value = the first value
data-kolada-second-total = the Kolada KPI `{ $kpi }` has a second total (gender T) for { $year } and the municipality `{ $municipality }`
    .help = keep one value with gender T per item: Kolada gives one total per KPI, period and municipality, so save the API's answer unchanged
# $count: the items of the KPI.
data-kolada-unknown-kpi = the Kolada KPI `{ $kpi }` is the source of no indicator in the policy ({ $count } { $count ->
        [one] item
       *[other] items
    } not used)
    .help = add `source kolada "{ $kpi }"` to the indicator it measures, or leave the KPI out of the export
# $list: the first ten municipality IDs, in backticks; $more: yes when there are more.
data-kolada-several = the Kolada file has values for several municipalities ({ $list }{ $more ->
        [yes] , …
       *[no] {""}
    }); which one is the report about?
    .primary = several municipalities
    .help = choose one with --municipality (e.g. --municipality 2425), and the comparison group with --benchmark-municipality (e.g. 0024)
data-kolada-none-for = the Kolada file has no values for the municipality `{ $municipality }`
    .primary = no values for this municipality
    .help = check --municipality: Kolada's municipality IDs have four digits, e.g. 2425 for Dorotea
data-kolada-benchmark-unused = the values of --benchmark-municipality `{ $municipality }` are not used for `{ $id }`: the policy declares the Kolada ID `{ $kolada }` for its default benchmark ({ $kind })
    .help = a Kolada ID declared in the policy (`benchmark { $kind } "…" kolada "{ $kolada }"`) wins over --benchmark-municipality; leave the option out, or change the ID in the policy
# $place: top (the file's top level) or item.
data-kolada-twice = `{ $key }` appears twice { $place ->
        [top] at the top level of the Kolada file
       *[item] in the same object of this item
    }
    .primary = second `{ $key }`
    .label = the first `{ $key }`
    .help = JSON does not say which of the two counts: remove one of them (the Kolada API names each member once, so save its answer unchanged)
# $role: municipality or benchmark.
data-kolada-second-value = the Kolada KPI `{ $kpi }` has a second value for { $year } and the { $role ->
        [benchmark] benchmark
       *[municipality] municipality
    } `{ $municipality }`
    .help = keep one item per KPI, period and municipality

## statbank.rs (P0701, P0702, P0704, P0705, P0708): Statbank exports and their mapping

data-statbank-not-json = the Statbank mapping is not valid JSON: { $reason }
    .help = see docs/reports.md for the mapping's shape
data-statbank-twice = `{ $key }` appears twice in the same object of the Statbank mapping
    .help = JSON does not say which of the two counts: remove one of them (to read rows with either of two texts, write two entries)
data-statbank-shape =
    .help = the mapping is {"{"}"indicators": [{"{"}"indicator": "ID", "where": {"{"}"COLUMN": "text"{"}"}, "benchmark": {"{"}"COLUMN": "text"{"}"}{"}"}]{"}"}; benchmarks by kind are "benchmark_county", "benchmark_national", "benchmark_peers" and "benchmark_group", each like "benchmark"
data-statbank-not-column = `{ $key }` must be the name of a column
data-statbank-no-indicators = the mapping has no `indicators` list
data-statbank-no-indicator = this entry has no `indicator`
data-statbank-indicator-id = `indicator` must be an indicator ID
data-statbank-not-object = `{ $key }` must be an object of column names and texts
data-statbank-not-text = the value for `{ $key }` must be text
data-statbank-file-name = `file` must be the export's file name
# $kind: county, national, peers or group.
data-statbank-no-rows = `{ $key }` names no rows: say which rows are the { $kind } benchmark, e.g. {"{"}"OMRÅDE": "Hele landet"{"}"}
data-statbank-no-where = the entry for `{ $id }` has no `where`: which rows are the municipality's?
data-statbank-unknown-key = `{ $key }` is not a key of the Statbank mapping
    .primary = unknown key
    .help = in an entry, `benchmark` gives the rows of the default benchmark, and `benchmark_county`, `benchmark_national`, `benchmark_peers` and `benchmark_group` the rows of the benchmark of that kind
    .help-capital = In an entry, `benchmark` gives the rows of the default benchmark, and `benchmark_county`, `benchmark_national`, `benchmark_peers` and `benchmark_group` the rows of the benchmark of that kind
data-statbank-width =
    .help = export the table again from Statbank as CSV (semicolon-separated)
# $columns: the export's column names.
data-statbank-no-column = the Statbank export has no column `{ $name }`
    .primary = named in the mapping
    .label = the export's header
    .help = the export's columns are { $columns }
data-statbank-not-a-time = `{ $text }` is not a Statbank time
    .primary = expected e.g. 2023, 2023M08, 2023K3
    .help = the time column holds years (2023) or parts of a year (2023M08, 2023K3, 2023H1)
data-statbank-not-a-number =
    .help = Statbank values are numbers; `..` marks a missing value
# $that, $this: year, half, quarter or month (what the first and this row's times are for).
data-statbank-periods = the rows for `{ $id }` in { $year } are for different periods: `{ $first }` ({ $that ->
        [year] the whole year
        [half] a half-year
        [quarter] a quarter
       *[month] a month
    }) and `{ $time }` ({ $this ->
        [year] the whole year
        [half] a half-year
        [quarter] a quarter
       *[month] a month
    })
    .primary = another kind of period
    .label = the first row, for `{ $first }`
    .help = { $that ->
        [year] a whole year's
        [half] a half-year's
        [quarter] a quarter's
       *[month] a month's
    } value and { $this ->
        [year] a whole year's
        [half] a half-year's
        [quarter] a quarter's
       *[month] a month's
    } are different measurements, and the mapping does not say which one `{ $id }` reads: export the table again with only { $that ->
        [year] years
        [half] half-years
        [quarter] quarters
       *[month] months
    } or only { $this ->
        [year] years
        [half] half-years
        [quarter] quarters
       *[month] months
    }
# $role: value, benchmark (the default) or kind (a benchmark of the kind $kind).
data-statbank-second-row = a second { $role ->
        [value] value
        [benchmark] benchmark
       *[kind] { $kind } benchmark
    } row for `{ $id }` and the time `{ $time }`
    .primary = second row
    .label = the first row
    .help = make the mapping's `where` pick exactly one row per time (add a condition on another column)
# $more: how many more rows are not used.
data-statbank-unmatched = { $more ->
        [0] this row matches no entry of the Statbank mapping and is not used
       *[other] this row and { $more } more match no entry of the Statbank mapping and are not used
    }
    .help = add an entry for these rows to the mapping, or leave them out of the export
data-statbank-two-defaults =
    .primary = the `benchmark_{ $kind }` row
    .label = the `benchmark` row, the default benchmark
    .help = `benchmark` is the default benchmark, which for `{ $id }` is the { $kind } benchmark: in the mapping's entry for `{ $id }`, keep only one of `benchmark` and `benchmark_{ $kind }`, or make both pick the same rows

## progress.rs (P0701, P0702, P0705, P0710, P0711): activity files

data-progress-unknown-column = `{ $name }` is not a column of an activity file
    .help = the columns of an activity file are activity, status, date and comment (the names in English)
    .help-capital = The columns of an activity file are activity, status, date and comment
data-progress-no-status = the activity file's header has no `status` column
    .help = the first line must name the columns: activity,status,date,comment (comment may be left out)
data-progress-width =
    .help = every row needs one field per header column; a comment containing the separator must be quoted
data-progress-no-activity = this row names no activity
    .help = write the activity's ID from the policy in the `activity` column
data-progress-unknown-activity = the activity `{ $id }` is not in the policy
    .primary = unknown activity
    .help = the data may only name activities the policy declares; declare `activity { $id } "…"` or correct the name
data-progress-no-status-given = this row gives no status
data-progress-not-a-status = `{ $word }` is not a status of an activity
    .primary = expected planned, started, done or cancelled
    .help = a status is planned, started, done or cancelled, or the same in Swedish (planerad, påbörjad, klar, avbruten) or Danish (planlagt, igangsat, afsluttet, aflyst)
    .help-capital = A status is planned, started, done or cancelled, or the same in Swedish (planerad, påbörjad, klar, avbruten) or Danish (planlagt, igangsat, afsluttet, aflyst)
data-progress-not-a-date = `{ $text }` is not a date
    .primary = expected a date such as 2024-03-15
    .help = write the date the activity started, was done or was cancelled as year-month-day, such as 2024-03-15
# $state: started, done or cancelled.
data-progress-no-date = `{ $id }` is { $state ->
        [started] started
        [done] done
       *[cancelled] cancelled
    }, but the row gives no date
    .primary = no date
    .label = { $state ->
        [started] started
        [done] done
       *[cancelled] cancelled
    } here
    .help = write the date { $state ->
        [started] it started
        [done] it was done
       *[cancelled] it was cancelled
    } in the `date` column, such as 2024-11-28: the report shows it, and whether the activity kept its deadline
data-progress-second-row = `{ $id }` has a second row for { $date }
    .undated = `{ $id }` has a second row without a date
    .label = the first row for the same activity and date
    .help = keep one row per activity and date: remove or correct one of them

## eval.rs (P0707, P0709): data checks of the report

# $group: the benchmark's description; $defined: the year it ends with; $year: the report's.
data-stale-group = `{ $id }` is compared with the group "{ $group }", which is defined for { $defined }, but the report is for { $year }
    .primary = a group for { $defined }
    .help-kolada = Kolada defines its groups of municipalities anew each year, and `{ $kolada }` is the group of { $defined }: in the policy, give the Kolada ID of the group for { $year } and write { $year } at the end of the description, or, if this group is still the right one, update the description
    .help = a group of municipalities defined for { $defined } may not be the right comparison for { $year }: declare the group for { $year } and write { $year } at the end of the description, or, if this group is still the right one, update the description
# $status: the status's name; $label: its label in the scale; $report: the report's name;
# $by: rule or rollup; $row, $goal_row: data rows to copy; $adds: yes when the row adds the column.
data-no-motivation = goal `{ $goal }` is { $status } ({ $label }) in { $report } { $year }, and its { $by ->
        [rollup] rollup
       *[rule] rule
    } requires a written motivation, but the data gives none
    .primary-row = this row has no motivation
    .primary = this goal needs a motivation
    .label = the goal
    .help = write the reason in the data's `motivation` column, e.g. the row `{ $row }`{ $adds ->
        [yes] {" "}after adding the column `motivation` to the header
       *[no] {""}
    } (or a row for the goal itself: `{ $goal_row }`)
    .help-rollup = give the goal a row in the data: `{ $row }`
