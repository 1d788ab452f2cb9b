# ide: hover texts and code-action titles of src/ide/ (see locales/README.md).
# Hover texts are Markdown: `*Label:*` is a field, `**word**` the kind of thing.

hover-explain = **`pejl explain { $code }`: { $title }**
hover-status = **status** `{ $name }` — { $label }
hover-not-assessable = Not assessable: the status when there is nothing to assess.
hover-default-scale = (The default scale: green, yellow, red, grey.)
hover-level = **level** `{ $name }` — { $title }
hover-level-under = under `{ $name }`
hover-level-top = the top of the chain
hover-level-exactly-one = exactly one parent
hover-level-at-least-one = at least one parent
hover-level-measured = measured
hover-level-assessed-by = assessed by `{ $name }`
hover-goal-count = { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
hover-indicator = **indicator** `{ $name }`
hover-unit = *Unit:* { $unit }
hover-direction = *Direction:* { $direction }
hover-higher-is-better = higher is better
hover-lower-is-better = lower is better
hover-source = *Source:* { $kind } "{ $reference }"
hover-benchmark = *Benchmark:* { $kind }
hover-benchmark-described = *Benchmark:* { $kind } — { $description }
hover-frequency = *Frequency:* { $frequency }
hover-measures = { $count ->
    [one] *Measures* { $count } goal
   *[other] *Measures* { $count } goals
}
hover-rule = **rule** `{ $name }`
hover-rollup = **rollup** `{ $name }`
hover-first-match = First match wins.
hover-body = **body** `{ $name }` — { $title }
hover-kind = *Kind:* { $kind }
hover-parent = *Parent:* `{ $name }`{ $title }
hover-owns = { $count ->
    [one] *Owns* { $count } goal
   *[other] *Owns* { $count } goals
}
hover-shares = { $count ->
    [one] *Shares* { $count } goal with other bodies
   *[other] *Shares* { $count } goals with other bodies
}
hover-report = **report** `{ $name }` — { $title }
hover-uses = *Uses:* { $uses } values
hover-covers = *Covers:* { $from } to { $to }
hover-due = *Due:* { $date }
hover-due-next-year = *Due:* { $date } the year after
hover-to = *To:* `{ $name }`{ $title }
hover-value = **core value** `{ $name }` — { $title }
hover-policy = **policy** `{ $name }` — { $title }
hover-version = *Version:* { $version }
hover-draft = *Status:* draft, not adopted
hover-adopted = *Adopted* { $date }
hover-revised = *Revised* { $date }
hover-decision-by = { $decision } by `{ $name }`
hover-period = *Period:* { $from }–{ $to }
hover-default-rule = *Default rule:* `{ $name }`
hover-test = **test** "{ $title }"
hover-test-expectations = { $count ->
    [one] { $count } expectation; `pejl test` runs it
   *[other] { $count } expectations; `pejl test` runs it
}
hover-include = **include** "{ $path }"
hover-chain = **chain**
hover-scale = **scale**
hover-activity = **activity** `{ $name }`
hover-goal = *Goal:* `{ $name }`{ $title }
hover-goal-none = *Goal:* none
hover-owner = *Owner:* `{ $name }`{ $title }
hover-owner-none = *Owner:* none
hover-shared-with = *Shared with:* { $names }
hover-start = *Start:* { $date }
hover-deadline = *Deadline:* { $date }
hover-deadline-none = *Deadline:* none
hover-budget = *Budget:* { $amount } { $currency }
hover-progress = *Progress:* from the data (planned, started, done, cancelled)
hover-chain-path = *Chain:* { $steps }
hover-also-under = *Also under:* { $names }
hover-measure = *Measure:* `{ $name }`{ $title }
hover-indicators = *Indicators:* { $names }
hover-baseline = *Baseline:* { $value }
hover-baseline-in = *Baseline:* { $value } in { $year }
hover-target-benchmark = the benchmark
hover-target-benchmark-kind = the { $kind } benchmark
hover-target-relative = { $change }% from the baseline
hover-target = *Target:* { $value } by { $year }
hover-target-no-deadline = *Target:* { $value } (no deadline)
hover-milestone = *Milestone:* { $value }
hover-milestone-in = *Milestone:* { $value } in { $year }
hover-rule-of-goal = *Rule:* `{ $name }`{ $title }
hover-rule-default = *Rule:* `{ $name }`{ $title } (the policy's default)
hover-follow-up = *Follow-up:* { $names }
hover-values = *Values:* { $names }
hover-target-group = *Target group:* { $group }
hover-goals-under = *Goals under it:* { $count }
hover-activities = *Activities:* { $names }

# Code actions. $what is body, indicator, rule, rollup, report, value or goal.
action-create = { $what ->
    [body] Create body `{ $name }`
    [indicator] Create indicator `{ $name }`
    [rule] Create rule `{ $name }`
    [rollup] Create rollup `{ $name }`
    [report] Create report `{ $name }`
    [value] Create core value `{ $name }`
   *[goal] Create goal `{ $name }`
}
action-add-owner = Add `{ $statement }` (the owner of the goal above)
action-add-deadline = Add the deadline `by { $year }` (the end of the policy period)

# Rename (src/ide/nav.rs)
rename-nothing-here = there is no ID here to rename
rename-built-in = `{ $name }` is a status of the default scale; declare a `scale` to rename statuses
rename-invalid = `{ $name }` is not a valid ID: an ID starts with a letter or `_` and holds only letters, digits, `_` and `-`
rename-keyword = `{ $name }` is a keyword of pejl and cannot be an ID
