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
