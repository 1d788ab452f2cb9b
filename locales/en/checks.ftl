# checks: texts of src/checks/ (see locales/README.md)

## activities.rs (P0610–P0615)

activity-no-goal = activity `{ $activity }` belongs to no goal
    .primary = no `under`
    .help = an activity is done for one goal: add `under GOAL`, naming the goal (a verksamhetsmål) it serves
activity-no-owner = activity `{ $activity }` has no owner: nobody answers for it
    .primary = no `owner`
    .help-goal-owner = add `owner { $owner }` (the owner of its goal), or another body
    .help = add `owner BODY` naming the committee or administration that carries it out
activity-no-deadline = activity `{ $activity }` has no deadline
    .primary = no `deadline`
    .help = add `deadline YEAR-MONTH-DAY`, such as `deadline 2026-06-30`: without it no report can say whether the activity is late
activity-starts-late = activity `{ $activity }` starts { $start } but is to be done by { $deadline }
    .primary = starts after the deadline
    .deadline = the deadline
    .help = the start date comes before the deadline: check both dates (a day and a month swapped?)
activity-outside-period = the { $what -> 
        [start] start
       *[deadline] deadline
    } { $date } of activity `{ $activity }` lies outside the policy period { $from }..{ $to }
    .primary = outside the period
    .period = the policy period
    .help = choose a date within the policy period, or extend the period: the reports of this policy follow up activities within it
activity-budget = the budget of activity `{ $activity }` must be a whole number of kronor, not negative
    .primary = not a whole amount
    .help = write the budget in whole kronor without separators, such as `budget 250000 kr`

## chain.rs (P0104, P0110, P0111, P0201–P0208)

chain-repeated-number = goal `{ $goal }` has the number { $number }, which goal `{ $earlier }` already has
    .primary = the same number again
    .earlier = `{ $earlier }` is number { $number }
    .help = give each goal the number the decision document gives it; two goals cannot share one
chain-no-chain = goal `{ $goal }` is declared at level `{ $level }`, but the policy has no `chain` declaring any levels
    .primary = no chain declares this level
    .help = add a `chain {"{"} level … {"}"}` declaration listing the levels of the goal chain, top first
chain-unused-level = level `{ $level }` is declared in the chain, but no goal uses it
    .primary = unused level
    .help = add goals written `{ $level } ID "title" {"{"} … {"}"}`, or remove the level from the chain
chain-top-level-under = goal `{ $goal }` is at the top level `{ $level }`, which has no level above it, so it cannot be under another goal
    .primary = the top level links to nothing
    .top = top level
    .help = remove the `under` statement, or declare the goal at a lower level
chain-no-parent = goal `{ $goal }` is at level `{ $level }` but is not linked to any goal of level `{ $expected }`
    .primary = no `under`
    .help = add `under ID` naming the { $expected } goal this goal serves
chain-wrong-parent-level = goal `{ $goal }` is at level `{ $level }`, which links to level `{ $expected }`, but `{ $parent }` is at level `{ $parent_level }`
    .primary = expected a goal of level `{ $expected }`
    .this = this goal is at level `{ $level }`
    .parent = `{ $parent }` is at level `{ $parent_level }`
    .help = link to a goal of level `{ $expected }`
chain-parents = goal `{ $goal }` has { $count } parents, but every goal at level `{ $level }` must have exactly one
    .primary = second parent
    .first = first parent
    .help = keep one parent; a goal that serves several goals belongs at a level declared `at least one parent`
    .level = the level requires exactly one parent
chain-no-children = goal `{ $goal }` is assessed from the goals under it, but no goal is under it, so it can never be assessed
    .primary = no goals under this one
    .help = add goals with `under { $goal }`, or remove this goal
chain-assessed-measured = goal `{ $goal }` { $has }, but its level `{ $level }` is assessed by rollup `{ $rollup }` from its children: its own { $ignored ->
        [measure] measure
        [target] target
       *[rule] rule
    } would be ignored
    .measured-by = is measured by `{ $indicator }`
    .own-target = has its own target
    .own-rule = has its own rule `{ $rule }`
    .lines = { $count ->
        [one] the { $words } line
       *[other] the { $words } lines
    }
    .primary = ignored: the rollup `{ $rollup }` decides
    .rollup = level `{ $level }` is assessed by this rollup
    .too = this { $what ->
        [measure] measure
        [target] target
       *[rule] rule
    } is ignored too
    .measured = the level is also declared `measured`
    .help-both = a level is either `measured` (its goals have their own measure, target and rule) or `assessed by` a rollup from its children, not both: remove one of the two from level `{ $level }`; or remove { $lines } from the goal
    .help-indicators = remove { $lines } from the goal, or move the goal to a measured level; to show the indicator with the goal without it giving a status, write `indicators { $indicator }`
    .help = remove { $lines } from the goal, or move the goal to a measured level
chain-cycle = the goal chain goes round in a circle: `{ $goal }` is under { $rest }
    .link = `{ $goal }`, which is under { $rest }
    .last = `{ $goal }`
    .primary = this goal is (indirectly) under itself
    .help = goals link upwards towards the vision; remove one of the `under` links in the circle
    .part = part of the circle
chain-two-tops = the chain has two top levels, `{ $first }` and `{ $second }`; only the first level may leave out `under`
    .primary = second top level
    .first = first top level
    .help = add `under LEVEL` to `{ $second }`
chain-unknown-level = level `{ $level }` is under `{ $under }`, which is not a level of the chain
    .primary = unknown level
    .help = name a level declared in this chain
chain-level-under-itself = level `{ $level }` is under itself
    .primary = a level cannot be under itself
    .help = name the level above this one
chain-level-cycle = the chain's levels go round in a circle: { $levels }
    .primary = this level is (indirectly) under itself
    .help = levels go from the top (no `under`) downwards; break the circle
chain-no-policy = this file declares no policy: it has no `policy` declaration, and nothing it includes has one
    .primary = no `policy` above this
    .help = start the file with `policy ID "title" {"{"} period 2024..2027 {"}"}`; a file meant to be included is checked as part of the file that includes it — check that one instead (`pejl new` starts a policy from an example)

## Pieces shared by the checks

# Two texts joined: "the target and the baseline", "`a`, `b` and `c`".
checks-and = { $first } and { $second }
checks-comma = { $first }, { $second }
# Nothing: where an optional piece of a text is left out.
checks-nothing = {""}

## rules.rs (P0301–P0307, P0310, P0311)

# $kind: a benchmark kind as written in the policy (county, national, peers, group).
rules-lacks = goal `{ $goal }` uses rule `{ $rule }`, which compares with { $compares }, but { $missing }
    .target = the target
    .baseline = the baseline
    .benchmark = the benchmark
    .kind = the `{ $kind }` benchmark
    .target-kind = its target, the `{ $kind }` benchmark
    .no-target = the goal has no target
    .no-baseline = the goal has no baseline
    .no-benchmark = its indicator `{ $indicator }` declares no benchmark
    .no-indicator = it has no indicator with a benchmark
    .no-kind = its indicator `{ $indicator }` declares no `benchmark { $kind }`
    .no-indicator-kind = it has no indicator with a `{ $kind }` benchmark
    .needs-target = needs a target
    .needs-baseline = needs a baseline
    .needs-benchmark = needs a benchmark on its indicator
    .needs-kind = needs a `benchmark { $kind }` on the indicator
    .target-is-kind = the target is the `{ $kind }` benchmark
    .chosen-here = the rule is chosen here
    .default-rule = this goal uses the policy's default rule
    .indicator-no-benchmark = this indicator declares no `benchmark`
    .help = give the goal what the rule compares with (`target …`, `baseline …`, or a `benchmark` on the indicator), or choose another rule with `rule ID`
rules-too-large = rule `{ $rule }` is too large for pejl to check completely: what pejl found is reported, but it cannot promise that every band can match or that every value gets a status
    .primary = not checked completely
    .help = a rule rarely needs more than a handful of bands; this one has { $count }. Split it into rules for different indicators, or use fewer bands that compare with a benchmark
# $status: the scale's not-assessable status (`grey`).
rules-no-missing = rule `{ $rule }` has no band for missing data
    .primary = no `missing` band
    .help = add `{ $status } when missing requires motivation`; without it a missing value gets `{ $status }` with no explanation
rules-never-holds = the condition of the `{ $status }` band in rule `{ $rule }` can never hold
    .primary = no value makes this true
    .help = check the numbers and `and`/`or`: perhaps you meant `or`, or other thresholds
rules-shadowed = the `{ $status }` band in rule `{ $rule }` can never match: earlier bands already take every value it covers
    .primary = never the first match
    .help = bands are tried in order and the first match wins; move this band up or narrow the earlier ones
    .earlier = the `{ $status }` band takes these values first
# $example: rules-example.
rules-gap = rule `{ $rule }` leaves some values without a status: { $example } gets no status
    .primary = not every value gets a status
    .help = add a band that covers these values, usually a last band such as `red otherwise`
    .goal = for example for this goal
# "a value of 40 when the national average is 70 (goal `nki`)"; $when: rules-when or nothing.
rules-example = a value of { $value }{ $when }
    .goal = a value of { $value }{ $when } (goal `{ $goal }`)
# " when the target is 75 and the baseline is 60" (with the space before it).
rules-when = {" "}when { $given }
rules-given =
    .benchmark = { $kind ->
        [county] the county average
        [national] the national average
        [peers] the peer group's average
       *[group] the comparison group's average
    } is { $value }
    .milestone-year = the milestone for { $year } is { $value }
    .milestone = the milestone is { $value }
    .target = the target is { $value }
    .baseline = the baseline is { $value }
# $direction: higher or lower (the indicator's `higher is better` / `lower is better`).
rules-direction = `{ $status }` is given to a value of { $worse } but not to { $better }, although this rule's indicator says { $direction ->
        [higher] higher is better
       *[lower] lower is better
    }
    .goal = `{ $status }` is given to a value of { $worse } but not to { $better } for goal `{ $goal }`, although its indicator `{ $indicator }` says { $direction ->
        [higher] higher is better
       *[lower] lower is better
    }
    .primary = the best status for worse values
    .help = check the comparison (`>=` or `<=`) and the indicator's `higher is better` / `lower is better`; `meets` and `better than` follow the direction by themselves, so a rule written with them fits indicators of both directions
rules-uses-this-rule = `{ $goal }` uses this rule
# $which: rules-inversion.indicator or .the-indicator; $when: rules-when or nothing.
rules-inversion = in rule `{ $rule }`, a better value gets a worse status: { $better } gets `{ $better_status }` but { $worse } gets `{ $worse_status }`{ $when }, although { $which } says { $direction ->
        [higher] higher is better
       *[lower] lower is better
    }
    .indicator = `{ $indicator }`
    .the-indicator = the indicator
    .gives = gives `{ $status }` to { $value }
    .help = bands are tried in order and the first match wins: put the band of the best status first (for example `green`, then `yellow`, then `red`), or correct the thresholds

## smart.rs (P0108, P0401–P0408, P0501–P0505, P0602)

smart-no-direction = indicator `{ $indicator }` does not say whether higher or lower values are better
    .primary = no direction
    .help = add `higher is better` or `lower is better` to the indicator
smart-period-order = the policy period ends ({ $to }) before it starts ({ $from })
    .primary = years out of order
    .help = write `period { $to }..{ $from }`
# $missing: the pieces below, listed.
smart-unmeasurable = goal `{ $goal }` is at the measured level `{ $level }` but has no { $missing }
    .measure = `measure INDICATOR`
    .target = `target VALUE by YEAR`
    .rule = `rule RULE` (or a `default rule` in the policy)
    .primary = not measurable as written
    .help = add { $missing } so the goal can be followed up
    .level = the level requires measured goals
smart-target-no-measure = goal `{ $goal }` has a target but no `measure`, so the target cannot be followed up
    .primary = target without a measure
    .help = add `measure INDICATOR`, or remove the target
smart-no-deadline = the target of goal `{ $goal }` has no deadline
    .primary = when should the target be reached?
    .help = add the year, such as `by 2026`, so the goal is time-bound
smart-relative-no-baseline = goal `{ $goal }` has a target relative to its baseline, but no baseline
    .primary = relative to what?
    .help = add `baseline VALUE in YEAR`, or give the target as a number
# $what: baseline, target or milestone; $unit: the unit as written; $problem: smart-unit-problem.
smart-unit-misfit = the { $what ->
        [baseline] baseline
        [target] target
       *[milestone] milestone
    } { $value } does not fit the unit `{ $unit }`: { $problem }
    .unit = the indicator's unit
    .help = correct the value, or the indicator's unit
smart-unit-problem =
    .whole = it must be a whole number
    .percent = a percentage lies between 0 and 100
    .rank = a rank starts at 1
    .negative = it cannot be negative
    .range = the unit admits { $low } to { $high }
    .below = the unit admits no value below { $low }
    .above = the unit admits no value above { $high }
smart-baseline = baseline
# $direction: higher or lower (which is better for the indicator).
smart-no-improvement = the target { $target } is no better than the baseline { $baseline }: for `{ $indicator }`, { $direction ->
        [higher] higher
       *[lower] lower
    } is better
    .primary = not an improvement
    .help = set a target { $direction ->
        [higher] higher
       *[lower] lower
    } than the baseline, or check the indicator's direction
# $percent: the yearly change in per cent; $count: the years from the baseline to the target.
smart-ambitious = reaching { $target } from { $baseline } in { $year } needs { $direction ->
        [higher] an improvement
       *[lower] a reduction
    } of { $percent } % a year for { $count } { $count ->
        [one] year
       *[other] years
    }
    .primary = ambitious target
    .help = check that the target is realistic, or give it more time; milestones can show the way
smart-no-owner = goal `{ $goal }` has no owner: nobody answers for it
    .primary = no `owner`
    .help-parent = add `owner { $owner }` (the owner of the goal above), or another body
    .help = add `owner BODY` naming the council, committee or administration that answers for it
# $phrase: the words of the title, as written.
smart-vague = the title says "{ $phrase }", which promises effort, not a result
    .primary = vague wording
    .help = say what will be reached, e.g. "Andelen … ska öka till 80 %" (SMART: specific)
smart-no-follow-up = measured goal `{ $goal }` is not followed up in any report
    .primary = no `follow-up`
    .help-report = add `follow-up { $report }` naming the reports that follow the goal up
    .help = declare a `report` and add `follow-up REPORT` to the goal
# $what: baseline, target or milestone; $meant, $value of .written/.other: as the policy writes it.
smart-fraction = the { $what ->
        [baseline] baseline
        [target] target
       *[milestone] milestone
    } { $value } looks like a fraction: did you mean { $meant }?
    .primary = less than 1 %
    .unit = the indicator counts in percent, 0 to 100
    .help = percentages are written from 0 to 100: write { $written }; if the values really are below 1 %, leave them as they are
    .fix = Write as percentages: { $written }
    .written = the { $what ->
        [baseline] baseline
        [target] target
       *[milestone] milestone
    } { $value }
    .other = the { $what ->
        [baseline] baseline
        [target] target
       *[milestone] milestone
    }: { $value }?
# $what: deadline (the target's) or milestone.
smart-outside-period = { $what ->
        [deadline] the target's deadline
       *[milestone] the milestone
    } { $year } lies outside the policy period { $from }..{ $to }
    .primary = outside the period
    .period = the policy period
    .help = choose a year within the policy period, or extend the period
smart-target-year = target year
smart-baseline-year = the baseline year { $baseline } is not before the target year { $target }
    .primary = baseline year
    .help = the baseline is the starting point: its year comes before the target's
# $baseline, $target: .year or nothing.
smart-milestone-year = the milestone year { $year } is not between the baseline{ $baseline } and the target{ $target }
    .year = {" "}({ $year })
    .primary = milestone out of order
    .help = milestones are steps on the way: after the baseline year, before the target year

## test_decls.rs (P0107, P0501, P0802–P0805)

# $missing: year, report or both; $title: the test's title.
checks-test-cannot-run = test "{ $title }" has no { $missing ->
        [year] `year`
        [report] `report`
       *[both] `year` and no `report`
    }
    .primary = cannot be run
    .help = a test evaluates the policy for one year and one report, as `pejl report` does: add { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` and `report annual`
    }
    .help-reports = a test evaluates the policy for one year and one report, as `pejl report` does: add { $missing ->
        [year] `year 2024`
        [report] `report annual`
       *[both] `year 2024` and `report annual`
    } (the policy's reports are { $reports })
checks-test-outside-period = test "{ $title }" is for { $year }, outside the policy's period { $from }..{ $to }
    .primary = outside the period
    .help = a report is made only for a year of the policy's period: test a year from { $from } to { $to }
checks-test-expects-nothing = test "{ $title }" expects nothing, so it can never fail
    .primary = no `expect`
    .help = add the statuses the inputs must give, such as `expect GOAL green`; `pejl test --update` writes them from what the policy gives now
# $what: one of the attributes below.
checks-test-twice = { $what } is given twice in the same test
    .value = the value of `{ $name }`
    .kind = the { $kind } benchmark of `{ $name }`
    .benchmark = the benchmark of `{ $name }`
    .motivation = the motivation of `{ $name }`
    .expectation = an expectation for `{ $name }`
    .primary = second time
    .first = first given here
    .help = keep one of them: a test gives each fact once, as a data file has one row per indicator, year and kind
checks-test-unused =
    .primary = not used
    .unmeasured = no goal measures `{ $name }`, so its value decides no status
    .unmeasured-help = remove the line, or test a goal whose `measure` is `{ $name }`
    .no-benchmark = `{ $name }` declares no benchmark, so this value is not used
    .no-benchmark-help = declare one in the indicator (`benchmark county "…"`), or remove the line
    .no-kind = `{ $name }` declares no { $kind } benchmark, so this value is not used
    .no-kind-help = declare `benchmark { $kind } "…"` for `{ $name }` in the policy, or give a benchmark it declares: { $declared }
# $what: benchmark or value; $problem: smart-unit-problem.
checks-test-unit-misfit = the { $what ->
        [benchmark] benchmark
       *[value] value
    } { $value } does not fit the unit `{ $unit }` of `{ $name }`: { $problem }
    .help = correct the test's value: no data file could give it

## reports.rs (P0503, P0603–P0606)

# $words: the statements missing (`uses`, `due`, `to`), listed.
reports-incomplete = report `{ $report }` does not say { $words }
    .uses = `uses forecast` (an interim report) or `uses actual`
    .due = `due 08-31`, or `due 04-15 next year` for an annual report
    .to = `to KF` (or several: `to KF, KS`)
    .no = no `{ $word }`
    .primary = incomplete report
    .then = { $first }; { $second }
    .help = add { $forms }
reports-covers-order = the period of report `{ $report }` ends before it starts
    .primary = out of order
    .help = write the first day first: `covers 01-01..08-31`
# Swedish law (LKBR, KL): only for `country se`.
reports-interim-length = the interim report `{ $report }` covers { $months } months of the year; the law asks for at least half and at most two thirds of it
    .short = less than half the year
    .long = more than two thirds of the year
    .help = an interim report covers at least six and at most eight months (LKBR 13 kap. 1 §): `covers 01-01..06-30` to `covers 01-01..08-31`
# $due, $end, $limit: month and day as written (`08-31`); $next: yes or no.
reports-interim-late = the interim report `{ $report }` is due { $due }{ $next ->
        [yes] {" "}the year after
       *[no] {""}
    }, more than two months after the end of its period { $end }
    .primary = later than the law allows
    .covers = the period it covers
    .help = the council deals with the interim report within two months of the end of its period (KL 11 kap. 16 §): due { $limit }{ $next ->
        [yes] {" "}next year
       *[no] {""}
    } at the latest
reports-children-not-followed = goal `{ $goal }` is to be followed up in `{ $report }`, but none of the goals under it is followed up there
    .primary = would show as not followed up in `{ $report }`
    .level = the level asks for it here
    .help = add `{ $report }` to the `follow-up` of the goals under `{ $goal }`, or follow this goal up elsewhere

## rollups.rs (P0308, P0309, P0311)

rollups-too-large = rollup `{ $rollup }` is too large for pejl to check completely: the part it checked is in order, but pejl cannot promise that every band can be used
    .primary = not checked completely
    .help = write shares with fewer decimals (`33.3%` rather than `33.33333%`) or use fewer bands; gaps pejl found are still reported
# $example: rollups-children.
rollups-never-used = the `{ $status }` band in rollup `{ $rollup }` is never used: no goal can meet its condition, whatever the statuses of the goals under it
    .shadowed = the `{ $status }` band in rollup `{ $rollup }` is never used: every goal it fits gets its status from earlier bands (for example, { $example } get `{ $earlier }`)
    .primary = this band is never used
    .help = bands are tried in order and the first match wins; reorder the bands or correct the condition
    .earlier = the `{ $status }` band takes these combinations first
rollups-gap = rollup `{ $rollup }` leaves some goals without a status: { $example } get no status
    .primary = not every combination gets a status
    .help = add a band for this combination, usually a last band such as `yellow otherwise`
# Goals by the statuses of the goals under them; $status: a status of the scale, as written.
rollups-children =
    .one = goals whose only child is { $status }
    .status = { $status }
    .each = goals with the children { $statuses }
    .part = { $count } { $status }
    .counts = goals with { $count } children, { $parts }
