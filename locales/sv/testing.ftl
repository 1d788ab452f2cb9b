# testing: texts of src/ (see locales/README.md)


# Ett förväntat utfall som inte stämmer (P0801)
testing-without-status = utan status
testing-not-followed-up = rapporten följer inte upp det
testing-not-assessed = det varken mäts eller bedöms genom en sammanvägning
testing-derivation-status = { $indent }{ $goal } är { $status }: { $explanation }
testing-derivation-none = { $indent }{ $goal } har ingen status: { $explanation }
testing-derivation-wording = { $indent }  rapporten säger: "{ $wording }"
testing-derivation-motivation = { $indent }  motivering: "{ $motivation }"
testing-context = { " " }i { $report } { $year }
testing-expected-needs-motivation = `{ $goal }` är { $expected } som förväntat{ $context }, men rapporten kunde inte tas fram utan en motivering
testing-expected-but = `{ $goal }` förväntades vara { $expected }{ $context }, men är { $actual }
testing-expected-but-none = `{ $goal }` förväntades vara { $expected }{ $context }, men har ingen status: { $reason }
testing-no-motivation = motivering saknas
testing-policy-gives = styrdokumentet ger { $actual }
testing-in-test = i testet "{ $title }"
testing-fix-expect = Förvänta `{ $status }`
testing-requires-motivation = { $by ->
        [rollup] sammanvägningen
       *[rule] regeln
    } kräver en skriftlig motivering för { $status }, och testet ger ingen: ingen rapport skulle tas fram (P0707); lägg till `motivation { $goal } "…"`

# pejl test (src/testing/render.rs)
testing-without-status-because = utan status ({ $reason })
testing-expect-line = expect { $goal } { $expected } (rad { $line })
testing-expected-is = {"  "}förväntat: { $expected }
testing-actual-is = {"  "}utfall:    { $actual }
testing-problem-is = {"  "}problem:   { $problem }
testing-derivation = {"  "}härledning:
testing-running = kör { $count ->
        [one] { $count } test
       *[other] { $count } tester
    } från { $root }
testing-ok = test "{ $title }" ... ok
testing-failed = test "{ $title }" ... FEL
testing-error = test "{ $title }" ... fel: { $reason }
testing-not-run = det kunde inte köras
testing-failures = misslyckade:
testing-result = testresultat: { $ok ->
        [ok] ok
       *[failed] FEL
    }. { $passed } godkända; { $failed } misslyckade; { $errors } inte körda
testing-result-filtered = { $result }; { $filtered } bortfiltrerade
