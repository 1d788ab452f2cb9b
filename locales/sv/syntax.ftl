# PLACEHOLDER: English copy of en/syntax.ftl; Swedish/Danish wording not yet written.

## Fixes, shared with other areas

# The title of a fix that replaces the underlined words.
fix-change-to = Change to `{ $to }`
fix-write = Write `{ $to }`

## What the parser found where something else was expected

syntax-found-end-of-file = the end of the file
syntax-found-end-of-line = the end of the line
# A word or a character the user wrote.
syntax-found-word = `{ $word }`
# A keyword of the language.
syntax-keyword = `{ $keyword }`

## What the parser expected ("expected a name …")

syntax-expected-name = a name
syntax-expected-names = one or more names separated by commas
syntax-expected-string = text in quotes
syntax-expected-title = a title in quotes
syntax-expected-number = a number
syntax-expected-percent = a percentage such as `10%`
syntax-expected-change = a relative change such as `+10%`
syntax-expected-year = a year such as `2026`
syntax-expected-date = a date such as `2023-12-04`
syntax-expected-deadline = a year such as `2026` or a date such as `2026-12-31`
syntax-expected-month-day = a month and day such as `08-31`, or a date such as `2025-04-15`
syntax-expected-unit-per = `per` and what the unit counts per, such as `per 1000 invånare`
syntax-expected-unit-bound = `min 0` or `max 100`
syntax-expected-year-range = a year range such as `2024..2027`
syntax-expected-comparison = a comparison (`>=`, `>`, `<=`, `<`, `==`)
syntax-expected-condition = a condition (`meets target`, `within 10% of benchmark`, `value >= 80`, `missing`, …)
syntax-expected-rollup-condition = a condition on the children (`all green`, `share green >= 50%`, …)
syntax-expected-reference = `target`, `benchmark`, `baseline` or a number
syntax-expected-target-value = a number, `benchmark` or a change such as `+10%`
syntax-expected-otherwise = `when` or `otherwise`
syntax-expected-currency = `kr`, `kronor` or `kroner`
syntax-expected-declaration = a declaration (`policy`, `body`, `indicator`, a goal, …)
syntax-expected-else = something else
# "a name, a number or `owner`"
syntax-expected-comma = { $first }, { $rest }
syntax-expected-or = { $first } or { $last }

## Declarations ("for the goal `x`")

syntax-decl-policy = the policy declaration
syntax-decl-include = the include
syntax-decl-body = the body
syntax-decl-chain = the chain
syntax-decl-scale = the scale
syntax-decl-indicator = the indicator
syntax-decl-value = the core value
syntax-decl-report = the report
syntax-decl-rule = the rule
syntax-decl-rollup = the rollup
syntax-decl-test = the test
syntax-decl-activity = the activity
syntax-decl-goal = the goal
# "the goal `klimat`"
syntax-decl-named = { $what } `{ $id }`

## Blocks ("a statement of a goal")

syntax-block-policy = the policy
syntax-block-body = a body
syntax-block-chain = the chain
syntax-block-scale = the scale
syntax-block-indicator = an indicator
syntax-block-report = a report
syntax-block-rule = a rule
syntax-block-rollup = a rollup
syntax-block-labels = a band's labels
syntax-block-goal = a goal
syntax-block-test = a test
syntax-block-activity = an activity

## Syntax errors (P0001, P0002)

syntax-too-deep = this condition is nested more than { $depth } levels deep
    .label = too deep
    .help = split the condition into simpler bands; a band rarely needs more than two levels of parentheses
syntax-typographic-quote = `{ $quote }` is a typographic quote, as word processors write them
    .help = write the text in straight quotes `"`: retype the quotes in the editor, or turn off smart quotes where you copied it from
syntax-percent-sign = `{ $number }%`: a number here is written without `%`
    .help = write `{ $number }`: a goal's numbers are in its indicator's unit, so for a percentage `{ $number }` means { $number } % (`+10%` in a target is a change relative to the baseline)
syntax-here = here
syntax-text-block-unclosed = this text block is never closed
    .label = the text block starts here
    .help = end the text block with `"""` on a line of its own
syntax-string-unclosed = this text is missing its closing quote
    .label = the text starts here
    .help = add a `"` at the end of the text; a `"` inside the text is written `\"`
syntax-block-unclosed = the block of { $what } `{ $id }` is not closed: a `{"}"}` is missing
    .label = the next declaration starts here
    .help = add a `{"}"}` on its own line where the block should end
syntax-block-opened = the block opened here
syntax-block-unclosed-at-end = the block of { $what } `{ $id }` is not closed: a `{"}"}` is missing at the end of the file
    .label = this block is never closed
syntax-not-a-declaration = unexpected { $found }: expected a declaration such as `body`, `indicator` or a goal
    .label = not the start of a declaration
    .help = every declaration starts at the beginning of a line with a keyword or a level name; check for a stray or missing brace above
syntax-expected-for = expected { $expected } for { $subject }, but found { $found }
    .label = expected { $expected } here
syntax-declaration-skipped = in this declaration, which was skipped
syntax-unexpected-in = unexpected `{ $char }` in { $block }
syntax-not-a-statement = `{ $word }` is not a statement of { $block }
    .label = unknown statement
# "A goal accepts: `under`, `owner`, …"
syntax-accepts = { $block ->
        [policy] The policy
        [body] A body
        [chain] The chain
        [scale] The scale
        [indicator] An indicator
        [report] A report
        [rule] A rule
        [rollup] A rollup
        [labels] A band's labels
        [test] A test
        [activity] An activity
       *[goal] A goal
    } accepts: { $list }
syntax-after-statement = unexpected { $found } after the `{ $word }` statement in { $block }
    .label = not part of the statement
    .help = put each statement on its own line; remove or complete what follows
syntax-expected-after = expected { $expected } after { $what }, but found { $found }
    .label = expected { $expected }
syntax-the-status = the status
syntax-the-label = the label
syntax-the-band = the `{ $word }` band
syntax-year-word = the year of a `{ $statement }` comes after `{ $right }`, not `{ $word }`
    .label = write `{ $right }` here
    .help = write it as `{ $example }`
syntax-unknown-language = `{ $language }` is not a language pejl knows
    .label = unknown language
    .help = write `language sv`, `language da` or `language en`
syntax-not-a-choice = `{ $word }` is not a { $what }
    .label = unknown { $what }
    .help = a { $what } is one of { $list }
syntax-not-a-choice-dym = { $dym } A { $what } is one of { $list }
syntax-unknown-unit = `{ $unit }` is not a unit pejl knows
    .label = unknown unit
    .help = did you mean `{ $best }`? The units pejl knows are { $list }, `percent change` and `currency "SEK"`; write a unit of your own in quotes: `unit { $own }`
syntax-unknown-unit-own = write a unit of your own in quotes, `unit { $own }`, or use one pejl knows: { $list }, `percent change`, `currency "SEK"`
syntax-number-too-large = this number has { $digits } digits; pejl reads numbers up to 1 000 000 000 000 000 (10^15)
    .label = too large
    .help = check for digits typed twice or a missing decimal point

## Words a choice is one of ("`x` is not a goal kind")

syntax-choice-policy-status = policy status
syntax-choice-country = country
syntax-choice-body-kind = body kind
syntax-choice-source-kind = source kind
syntax-choice-benchmark-kind = benchmark kind
syntax-choice-frequency = frequency
syntax-choice-uses = kind of value for `uses`
syntax-choice-goal-kind = goal kind
syntax-choice-budget-currency = budget currency

## Help for a statement written wrongly: "write it as `baseline 68 in 2022`"

syntax-write-it-as = write it as { $form }
syntax-check-reference = check how `{ $word }` is written in the language reference
syntax-form-goal-under = `under PARENT_ID` or `under ID1, ID2`
syntax-form-goal-owner = `owner BODY_ID` or, for a goal bodies share, `owner KS, KF`
syntax-form-goal-kind = `kind result`, `kind effect` or `kind activity`
syntax-form-goal-target = `target 75 by 2026`, `target 75 by 2026-12-31`, `target benchmark by 2026` or `target +10% by 2026`
syntax-form-goal-text = `text "…"` or `text """…"""`
syntax-form-policy-status = `status draft` or `status adopted`
syntax-form-policy-language = `language sv`, `language da` or `language en`
syntax-form-indicator-unit = `unit percent`, `unit percent change`, `unit currency "SEK"` or a unit of your own such as `unit "ton CO2e"` or `unit "kr" per invånare`
syntax-form-indicator-direction = `higher is better` or `lower is better`
syntax-form-report-uses = `uses forecast` or `uses actual`
syntax-form-report-due = `due 08-31`, `due 04-15 next year` or `due 2025-04-15`
syntax-form-report-to = `to BODY_ID` or `to KF, KS`
syntax-form-policy-country = `country se` or `country dk`
syntax-form-scale = `green "Uppfyllt"`, and `not assessable` after the grey status
syntax-form-rule = `green when meets target`, `red otherwise` or `grey when missing requires motivation`
syntax-form-rollup = `green when share green >= 50%` or `yellow otherwise`
syntax-form-labels = `interim "…"` with a report ID and its wording
syntax-form-test-benchmark = `benchmark INDICATOR_ID 72` or, for a benchmark of another kind, `benchmark INDICATOR_ID national 70`
syntax-form-activity-under = `under GOAL_ID`: the one goal the activity serves
syntax-form-activity-owner = `owner BODY_ID` or `owner KS, BUN`
syntax-form-activity-budget = `budget 250000 kr`, in whole kronor without separators

## How a declaration is written

syntax-how-policy = a policy is written `policy ID "title" {"{"} … {"}"}`
syntax-how-include = an include is written `include "other-file.pejl"`
syntax-how-body = a body is written `body ID "name"`
syntax-how-chain = the chain is written `chain {"{"} level NAME "display name" under LEVEL … {"}"}`
syntax-how-scale = the scale is written `scale {"{"} green "Uppfyllt" … {"}"}`
syntax-how-indicator = an indicator is written `indicator ID "title" {"{"} … {"}"}`
syntax-how-value = a core value is written `value ID "name"`
syntax-how-report = a report is written `report ID "name" {"{"} uses actual  due 12-31  to BODY {"}"}`
syntax-how-rule = a rule is written `rule ID "title" {"{"} green when meets target … {"}"}`
syntax-how-rollup = a rollup is written `rollup ID "title" {"{"} green when all green … {"}"}`
syntax-how-test = a test is written `test "title" {"{"} year 2024  report annual  value INDICATOR 74  expect GOAL green {"}"}`
syntax-how-activity = an activity is written `activity ID "title" {"{"} under GOAL  owner BODY  deadline 2026-06-30 {"}"}`
syntax-how-goal = a goal is written `LEVEL ID "title" {"{"} … {"}"}`, with LEVEL one of the chain's levels

## Numbers (P0003, P0005)

syntax-decimal-comma = `{ $raw }` uses a decimal comma; pejl writes decimals with a point
    .label = decimal comma
    .help = write `{ $fixed }`
syntax-separators = `{ $shown }` has { $separators }: write { $whole }
    .help = pejl writes numbers without thousands separators: write `{ $whole }`
syntax-separators-comma = `{ $shown }` has { $separators } and a decimal comma: write { $whole }
    .help = pejl writes numbers without thousands separators and with a decimal point: write `{ $whole }`
syntax-separators-or-decimal = `{ $shown }` has { $separators }: write { $whole }, or { $decimal } if you meant a decimal
    .help = pejl writes numbers without thousands separators, and a dot in a number is always a decimal point: write `{ $whole }` for the whole number, or `{ $decimal }` if the dot was meant as a decimal point
syntax-separator-one = a thousands separator
syntax-separator-several = thousands separators
syntax-separator-space = a space as a thousands separator
syntax-separator-spaces = spaces as thousands separators
syntax-separator-label = { $several ->
        [yes] thousands separators
       *[no] thousands separator
    }

## Dates and years (P0502)

syntax-bad-year = `{ $raw }` is not a valid year
    .label = expected a year with four digits
    .help = write the year in full, such as `2026`
syntax-bad-date = `{ $raw }` is not a valid date
    .label = no such date
    .help = write dates as YEAR-MONTH-DAY, such as `2023-12-04`
syntax-bad-date-turned = write dates as YEAR-MONTH-DAY: `{ $fixed }`
syntax-bad-month-day = `{ $raw }` is not a valid month and day
    .label = no such day in the year
    .help = write MONTH-DAY, such as `08-31`
syntax-bad-month-day-turned = write MONTH-DAY, the month first: `{ $fixed }`
syntax-date-not-iso = `{ $raw }`: pejl writes dates as year-month-day, `{ $iso }`
    .label = write `{ $iso }`
    .help = dates are written with dashes, the year first (ISO 8601), such as { $example }
syntax-not-a-date = `{ $raw }` is not a date pejl can read
    .label = not a date
    .help = write the date with dashes, the year first (ISO 8601), such as { $example }
syntax-date-example-full = `2026-12-31`
syntax-date-example-due = `2026-12-31` or `12-31`
syntax-date-needs-year = give the full date with its year, such as `2026-12-31`
syntax-due-year-twice = the due date { $date } already names its year
    .label = `next year` with a full date
    .help = write `due { $monthday } next year`, or the full date alone

## Statements given twice (P0107)

syntax-given-twice = `{ $keyword }` is given twice in the same block
    .label = second time
    .help = keep one `{ $keyword }` statement; this one is ignored
