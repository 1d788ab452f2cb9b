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
