# testing: texts of src/ (see locales/README.md)


# A failed expectation (P0801)
testing-without-status = without a status
testing-not-followed-up = the report does not follow it up
testing-not-assessed = it is neither measured nor assessed by a rollup
testing-derivation-status = { $indent }{ $goal } is { $status }: { $explanation }
testing-derivation-none = { $indent }{ $goal } has no status: { $explanation }
testing-derivation-wording = { $indent }  the report says: "{ $wording }"
testing-derivation-motivation = { $indent }  motivation: "{ $motivation }"
testing-context = { " " }in { $report } { $year }
testing-expected-needs-motivation = `{ $goal }` is { $expected } as expected{ $context }, but the report could not be made without a motivation
testing-expected-but = expected `{ $goal }` to be { $expected }{ $context }, but it is { $actual }
testing-expected-but-none = expected `{ $goal }` to be { $expected }{ $context }, but it has no status: { $reason }
testing-no-motivation = no motivation
testing-policy-gives = the policy gives { $actual }
testing-in-test = in test "{ $title }"
testing-fix-expect = Expect `{ $status }`
testing-requires-motivation = the { $by ->
        [rollup] rollup
       *[rule] rule
    } requires a written motivation for { $status }, and the test gives none: a report would not be made (P0707); add `motivation { $goal } "…"`

# pejl test (src/testing/render.rs)
testing-without-status-because = without a status ({ $reason })
testing-expect-line = expect { $goal } { $expected } (line { $line })
testing-expected-is = {"  "}expected: { $expected }
testing-actual-is = {"  "}actual:   { $actual }
testing-problem-is = {"  "}problem:  { $problem }
testing-derivation = {"  "}derivation:
testing-running = running { $count ->
        [one] { $count } test
       *[other] { $count } tests
    } from { $root }
testing-ok = test "{ $title }" ... ok
testing-failed = test "{ $title }" ... FAILED
testing-error = test "{ $title }" ... error: { $reason }
testing-not-run = it could not be run
testing-failures = failures:
testing-result = test result: { $ok ->
        [ok] ok
       *[failed] FAILED
    }. { $passed } passed; { $failed } failed; { $errors } not run
testing-result-filtered = { $result }; { $filtered } filtered out
