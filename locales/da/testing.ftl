# testing: texts of src/ (see locales/README.md)


# En forventet status, der ikke passer (P0801)
testing-without-status = uden status
testing-not-followed-up = rapporten følger ikke op på det
testing-not-assessed = det hverken måles eller vurderes gennem en sammenvejning
testing-derivation-status = { $indent }{ $goal } er { $status }: { $explanation }
testing-derivation-none = { $indent }{ $goal } har ingen status: { $explanation }
testing-derivation-wording = { $indent }  rapporten siger: "{ $wording }"
testing-derivation-motivation = { $indent }  begrundelse: "{ $motivation }"
testing-context = { " " }i { $report } { $year }
testing-expected-needs-motivation = `{ $goal }` er { $expected } som forventet{ $context }, men rapporten kunne ikke laves uden en begrundelse
testing-expected-but = `{ $goal }` forventedes at være { $expected }{ $context }, men er { $actual }
testing-expected-but-none = `{ $goal }` forventedes at være { $expected }{ $context }, men har ingen status: { $reason }
testing-no-motivation = begrundelse mangler
testing-policy-gives = politikken giver { $actual }
testing-in-test = i testen "{ $title }"
testing-fix-expect = Forvent `{ $status }`
testing-requires-motivation = { $by ->
        [rollup] sammenvejningen
       *[rule] reglen
    } kræver en skriftlig begrundelse for { $status }, og testen giver ingen: der ville ikke blive lavet en rapport (P0707); tilføj `motivation { $goal } "…"`

# pejl test (src/testing/render.rs)
testing-without-status-because = uden status ({ $reason })
testing-expect-line = expect { $goal } { $expected } (linje { $line })
testing-expected-is = {"  "}forventet: { $expected }
testing-actual-is = {"  "}resultat:  { $actual }
testing-problem-is = {"  "}problem:   { $problem }
testing-derivation = {"  "}udledning:
testing-running = kører { $count ->
        [one] { $count } test
       *[other] { $count } test
    } fra { $root }
testing-ok = test "{ $title }" ... ok
testing-failed = test "{ $title }" ... FEJL
testing-error = test "{ $title }" ... fejl: { $reason }
testing-not-run = den kunne ikke køres
testing-failures = fejlede:
testing-result = testresultat: { $ok ->
        [ok] ok
       *[failed] FEJL
    }. { $passed } bestået; { $failed } fejlet; { $errors } ikke kørt
testing-result-filtered = { $result }; { $filtered } frafiltreret
