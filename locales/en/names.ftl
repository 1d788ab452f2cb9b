# names: texts of src/ (see locales/README.md)

# A kind of declaration with its article ("a body"), given as $kind to other messages.
names-kind-a = { $kind ->
    [policy] the policy
    [body] a body
    [indicator] an indicator
    [value] a core value
    [report] a report
    [rule] a rule
    [rollup] a rollup
   *[goal] a goal
    [activity] an activity
    [level] a level
    [status] a status
}
# The role of a reference ("the owner `KS` does not exist").
names-role = { $role ->
    [adopting-body] the adopting body
    [revising-body] the revising body
    [default-rule] the default rule
    [parent-body] the parent body
    [level-above] the level above
    [rollup] the rollup
    [follow-up-report] the follow-up report
    [recipient] the report's recipient
    [label-report] the report of this label
    [level] the level
    [parent-goal] the parent goal
   *[owner] the owner
    [sharing-body-goal] the body sharing the goal
    [measure] the measure
    [indicator] the indicator
    [rule] the rule
    [value] the core value
    [test-report] the test's report
    [motivation-target] the goal (or indicator) of the motivation
    [expected-goal] the expected goal
    [activity-goal] the activity's goal
    [sharing-body-activity] the body sharing the activity
    [status] the status
}
names-declared-twice = { $kind ->
        [policy] The policy
        [body] A body
        [indicator] An indicator
        [value] A core value
        [report] A report
        [rule] A rule
        [rollup] A rollup
       *[goal] A goal
        [activity] An activity
        [level] A level
        [status] A status
    } named `{ $name }` is declared twice
    .primary = declared again here
    .label = first declared here
    .help = give one of them another ID, or remove the duplicate
names-already-id = `{ $name }` is already the ID of { $kind }; every ID in a policy must be unique
names-wrong-kind = `{ $name }` is { $kind }, but { $role } must be { $wanted }
    .primary = this is { $kind }
    .label = `{ $name }` is declared here
names-wrong-kind-help = name { $wanted } here
names-wrong-kind-help-of = name { $wanted } here (one of { $names })
names-unknown = { $role } `{ $name }` does not exist
    .primary = { $kind ->
            [policy] no policy is named
            [body] no body is named
            [indicator] no indicator is named
            [value] no core value is named
            [report] no report is named
            [rule] no rule is named
            [rollup] no rollup is named
           *[goal] no goal is named
            [activity] no activity is named
            [level] no level is named
            [status] no status is named
        } `{ $name }`
names-unknown-help = declare { $wanted } named `{ $name }`, or correct the name
names-unknown-help-of = declare { $wanted } named `{ $name }`, or correct the name (one of { $names })
names-named-twice = `{ $name }` is named twice in `{ $keyword }`
    .primary = named again
    .label = first named here
    .help = remove the second one
names-unknown-level = goal `{ $goal }` is declared at level `{ $level }`, which the chain does not have
    .primary = unknown level
    .help = the chain's levels are { $list }; add this level to the chain or use one of them
names-unknown-level-are = The chain's levels are { $list }
names-second-decl = a policy has one `{ $what }` declaration, and this is a second one
    .primary = second `{ $what }`
    .label = the first `{ $what }` is here
    .help = merge the two into one `{ $what }` declaration
