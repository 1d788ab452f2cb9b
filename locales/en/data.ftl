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
    .help-comma = this file is separated by commas, so a decimal comma cannot be told from a field separator: write `64.5`, or separate the fields with `;`
    .help-percent = write the number without the percent sign (the indicator's unit says it is a percentage)
    .help = write a number such as `64` or `64.5`, or leave the cell empty for a missing value (and give a motivation)
# $whole: the digits without separators; $decimal: the number read with a decimal comma.
data-ambiguous-dots = `{ $text }` is ambiguous: a dot may be a thousands separator or a decimal point
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
