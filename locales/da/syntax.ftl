# syntax: tekster i src/syntax/ (syntaksfejl, literaler; se locales/README.md).

## Rettelser, deles med andre områder

# Titlen på en rettelse, der erstatter de understregede ord.
fix-change-to = Ret til `{ $to }`
fix-write = Skriv `{ $to }`

## Det, pejl fandt, hvor der forventedes noget andet

syntax-found-end-of-file = slutningen af filen
syntax-found-end-of-line = slutningen af linjen
# Et ord eller et tegn, brugeren skrev.
syntax-found-word = `{ $word }`
# Et nøgleord i sproget.
syntax-keyword = `{ $keyword }`

## Det, pejl forventede ("forventede et navn …")

syntax-expected-name = et navn
syntax-expected-names = et eller flere navne adskilt med komma
syntax-expected-string = en tekst i anførselstegn
syntax-expected-title = en titel i anførselstegn
syntax-expected-number = et tal
syntax-expected-percent = en procentsats, for eksempel `10%`
syntax-expected-change = en relativ ændring, for eksempel `+10%`
syntax-expected-year = et årstal, for eksempel `2026`
syntax-expected-date = en dato, for eksempel `2023-12-04`
syntax-expected-deadline = et årstal, for eksempel `2026`, eller en dato, for eksempel `2026-12-31`
syntax-expected-month-day = en måned og dag, for eksempel `08-31`, eller en dato, for eksempel `2025-04-15`
syntax-expected-unit-per = `per` og det, enheden tælles per, for eksempel `per 1000 invånare`
syntax-expected-unit-bound = `min 0` eller `max 100`
syntax-expected-year-range = et årsinterval, for eksempel `2024..2027`
syntax-expected-comparison = en sammenligning (`>=`, `>`, `<=`, `<`, `==`)
syntax-expected-condition = en betingelse (`meets target`, `within 10% of benchmark`, `value >= 80`, `missing`, …)
syntax-expected-rollup-condition = en betingelse for de underordnede mål (`all green`, `share green >= 50%`, …)
syntax-expected-reference = `target`, `benchmark`, `baseline` eller et tal
syntax-expected-target-value = et tal, `benchmark` eller en ændring, for eksempel `+10%`
syntax-expected-otherwise = `when` eller `otherwise`
syntax-expected-currency = `kr`, `kronor` eller `kroner`
syntax-expected-declaration = en definition (`policy`, `body`, `indicator`, et mål, …)
syntax-expected-else = noget andet
# "et navn, et tal eller `owner`"
syntax-expected-comma = { $first }, { $rest }
syntax-expected-or = { $first } eller { $last }

## Definitioner ("for målet `x`")

syntax-decl-policy = politikken
syntax-decl-include = linjen `include`
syntax-decl-body = udvalget
syntax-decl-chain = målkæden
syntax-decl-scale = statusskalaen
syntax-decl-indicator = indikatoren
syntax-decl-value = værdien
syntax-decl-report = rapporten
syntax-decl-rule = reglen
syntax-decl-rollup = sammenvejningen
syntax-decl-test = testen
syntax-decl-activity = aktiviteten
syntax-decl-goal = målet
# "målet `klima`"
syntax-decl-named = { $what } `{ $id }`

## Blokke ("hører ikke hjemme i et mål")

syntax-block-policy = politikken
syntax-block-body = et udvalg
syntax-block-chain = målkæden
syntax-block-scale = statusskalaen
syntax-block-indicator = en indikator
syntax-block-report = en rapport
syntax-block-rule = en regel
syntax-block-rollup = en sammenvejning
syntax-block-labels = en statuslinjes formuleringer
syntax-block-goal = et mål
syntax-block-test = en test
syntax-block-activity = en aktivitet

## Syntaksfejl (P0001, P0002)

syntax-too-deep = betingelsen har parenteser i mere end { $depth } niveauer
    .label = for dybt
    .help = del betingelsen op i enklere statuslinjer; en statuslinje har sjældent brug for mere end to niveauer af parenteser
syntax-typographic-quote = `{ $quote }` er et typografisk anførselstegn, som tekstbehandlingsprogrammer skriver dem
    .help = skriv teksten i lige anførselstegn `"`: skriv anførselstegnene igen i editoren, eller slå typografiske anførselstegn fra i det program, du kopierede fra
syntax-percent-sign = `{ $number }%`: her skrives tallet uden `%`
    .help = skriv `{ $number }`: et måls tal angives i indikatorens enhed, så for en procentdel betyder `{ $number }` { $number } % (`+10%` i en målværdi er en ændring i forhold til udgangspunktet)
syntax-here = her
syntax-text-block-unclosed = tekstblokken bliver aldrig afsluttet
    .label = tekstblokken begynder her
    .help = afslut tekstblokken med `"""` på en linje for sig selv
syntax-string-unclosed = teksten mangler sit afsluttende anførselstegn
    .label = teksten begynder her
    .help = tilføj et `"` i slutningen af teksten; et `"` inde i teksten skrives `\"`
syntax-block-unclosed = blokken for { $what } `{ $id }` er ikke lukket: der mangler en `{"}"}`
    .label = den næste definition begynder her
    .help = tilføj en `{"}"}` på en linje for sig selv, hvor blokken skal slutte
syntax-block-opened = blokken begynder her
syntax-block-unclosed-at-end = blokken for { $what } `{ $id }` er ikke lukket: der mangler en `{"}"}` i slutningen af filen
    .label = blokken bliver aldrig lukket
syntax-not-a-declaration = { $found } kom uventet: her skal en definition begynde, for eksempel `body`, `indicator` eller et mål
    .label = ikke begyndelsen på en definition
    .help = hver definition begynder forrest på en linje med et nøgleord eller et niveaunavn; tjek, om en krøllet parentes mangler eller står forkert længere oppe
syntax-expected-for = forventede { $expected } for { $subject }, men fandt { $found }
    .label = her forventedes { $expected }
syntax-declaration-skipped = i denne definition, som pejl sprang over
syntax-unexpected-in = `{ $char }` hører ikke hjemme i { $block }
syntax-not-a-statement = `{ $word }` hører ikke hjemme i { $block }
    .label = genkendes ikke
# "Et mål kan indeholde: `under`, `owner`, …"
syntax-accepts = { $block ->
        [policy] Politikken
        [body] Et udvalg
        [chain] Målkæden
        [scale] Statusskalaen
        [indicator] En indikator
        [report] En rapport
        [rule] En regel
        [rollup] En sammenvejning
        [labels] En statuslinjes formuleringer
        [test] En test
        [activity] En aktivitet
       *[goal] Et mål
    } kan indeholde: { $list }
syntax-after-statement = { $found } kom uventet efter `{ $word }` i { $block }
    .label = hører ikke til linjen
    .help = skriv hver oplysning på sin egen linje; fjern det, der står efter, eller skriv det færdigt
syntax-expected-after = forventede { $expected } efter { $what }, men fandt { $found }
    .label = her forventedes { $expected }
syntax-the-status = statussen
syntax-the-label = formuleringen
syntax-the-band = statuslinjen `{ $word }`
syntax-year-word = i `{ $statement }` skrives året efter `{ $right }`, ikke efter `{ $word }`
    .label = skriv `{ $right }` her
    .help = skriv `{ $example }`
syntax-unknown-language = `{ $language }` er ikke et sprog, pejl kender
    .label = ukendt sprog
    .help = skriv `language sv`, `language da` eller `language en`
syntax-not-a-choice = `{ $word }` er ikke en gyldig { $what }
    .label = ukendt { $what }
    .help = en { $what } er en af følgende: { $list }
syntax-not-a-choice-dym = { $dym } En { $what } er en af følgende: { $list }
syntax-unknown-unit = `{ $unit }` er ikke en enhed, pejl kender
    .label = ukendt enhed
    .help = mente du `{ $best }`? De enheder, pejl kender, er { $list }, `percent change` og `currency "SEK"`; skriv en egen enhed i anførselstegn: `unit { $own }`
syntax-unknown-unit-own = skriv en egen enhed i anførselstegn, `unit { $own }`, eller brug en, pejl kender: { $list }, `percent change`, `currency "SEK"`
syntax-number-too-large = tallet har { $digits } cifre; pejl læser tal op til 1 000 000 000 000 000 (10^15)
    .label = for stort
    .help = tjek, om et ciffer er skrevet to gange, eller om der mangler et decimalpunktum

## Ord, et valg kan gælde ("`x` er ikke en gyldig måltype")

syntax-choice-policy-status = politikstatus
syntax-choice-country = landekode
syntax-choice-body-kind = udvalgstype
syntax-choice-source-kind = kildetype
syntax-choice-benchmark-kind = type sammenligningsgrundlag
syntax-choice-frequency = hyppighed
syntax-choice-uses = værditype for `uses`
syntax-choice-goal-kind = måltype
syntax-choice-budget-currency = budgetvaluta

## Hjælp til en linje, der er skrevet forkert: "skriv sådan: `baseline 68 in 2022`"

syntax-write-it-as = skriv sådan: { $form }
syntax-check-reference = se i sprogreferencen, hvordan `{ $word }` skrives
syntax-form-goal-under = `under PARENT_ID` eller `under ID1, ID2`
syntax-form-goal-owner = `owner BODY_ID` eller, for et mål, som flere udvalg deler, `owner KS, KF`
syntax-form-goal-kind = `kind result`, `kind effect` eller `kind activity`
syntax-form-goal-target = `target 75 by 2026`, `target 75 by 2026-12-31`, `target benchmark by 2026` eller `target +10% by 2026`
syntax-form-goal-text = `text "…"` eller `text """…"""`
syntax-form-policy-status = `status draft` eller `status adopted`
syntax-form-policy-language = `language sv`, `language da` eller `language en`
syntax-form-indicator-unit = `unit percent`, `unit percent change`, `unit currency "SEK"` eller en egen enhed, for eksempel `unit "ton CO2e"` eller `unit "kr" per invånare`
syntax-form-indicator-direction = `higher is better` eller `lower is better`
syntax-form-report-uses = `uses forecast` eller `uses actual`
syntax-form-report-due = `due 08-31`, `due 04-15 next year` eller `due 2025-04-15`
syntax-form-report-to = `to BODY_ID` eller `to KF, KS`
syntax-form-policy-country = `country se` eller `country dk`
syntax-form-scale = `green "Uppfyllt"`, og `not assessable` efter den grå status
syntax-form-rule = `green when meets target`, `red otherwise` eller `grey when missing requires motivation`
syntax-form-rollup = `green when share green >= 50%` eller `yellow otherwise`
syntax-form-labels = `interim "…"`, med en rapports ID og dens formulering
syntax-form-test-benchmark = `benchmark INDICATOR_ID 72` eller, for et sammenligningsgrundlag af en anden type, `benchmark INDICATOR_ID national 70`
syntax-form-activity-under = `under GOAL_ID`: det ene mål, aktiviteten hører til
syntax-form-activity-owner = `owner BODY_ID` eller `owner KS, BUN`
syntax-form-activity-budget = `budget 250000 kr`, i hele kroner uden tusindtalsseparatorer

## Sådan skrives en definition

syntax-how-policy = en politik skrives `policy ID "title" {"{"} … {"}"}`
syntax-how-include = `include` skrives `include "other-file.pejl"`
syntax-how-body = et udvalg skrives `body ID "name"`
syntax-how-chain = målkæden skrives `chain {"{"} level NAME "display name" under LEVEL … {"}"}`
syntax-how-scale = statusskalaen skrives `scale {"{"} green "Uppfyllt" … {"}"}`
syntax-how-indicator = en indikator skrives `indicator ID "title" {"{"} … {"}"}`
syntax-how-value = en værdi skrives `value ID "name"`
syntax-how-report = en rapport skrives `report ID "name" {"{"} uses actual  due 12-31  to BODY {"}"}`
syntax-how-rule = en regel skrives `rule ID "title" {"{"} green when meets target … {"}"}`
syntax-how-rollup = en sammenvejning skrives `rollup ID "title" {"{"} green when all green … {"}"}`
syntax-how-test = en test skrives `test "title" {"{"} year 2024  report annual  value INDICATOR 74  expect GOAL green {"}"}`
syntax-how-activity = en aktivitet skrives `activity ID "title" {"{"} under GOAL  owner BODY  deadline 2026-06-30 {"}"}`
syntax-how-goal = et mål skrives `LEVEL ID "title" {"{"} … {"}"}`, hvor LEVEL er et af målkædens niveauer

## Tal (P0003, P0005)

syntax-decimal-comma = `{ $raw }` har decimalkomma; pejl skriver decimaler med punktum
    .label = decimalkomma
    .help = skriv `{ $fixed }`
syntax-separators = `{ $shown }` har { $separators }: skriv { $whole }
    .help = pejl skriver tal uden tusindtalsseparatorer: skriv `{ $whole }`
syntax-separators-comma = `{ $shown }` har { $separators } og decimalkomma: skriv { $whole }
    .help = pejl skriver tal uden tusindtalsseparatorer og med decimalpunktum: skriv `{ $whole }`
syntax-separators-or-decimal = `{ $shown }` har { $separators }: skriv { $whole }, eller { $decimal }, hvis du mente et decimaltal
    .help = pejl skriver tal uden tusindtalsseparatorer, og et punktum i et tal er altid et decimalpunktum: skriv `{ $whole }` for heltallet, eller `{ $decimal }`, hvis punktummet var ment som decimalpunktum
syntax-separator-one = en tusindtalsseparator
syntax-separator-several = tusindtalsseparatorer
syntax-separator-space = et mellemrum som tusindtalsseparator
syntax-separator-spaces = mellemrum som tusindtalsseparatorer
syntax-separator-label = { $several ->
        [yes] tusindtalsseparatorer
       *[no] tusindtalsseparator
    }

## Datoer og årstal (P0502)

syntax-bad-year = `{ $raw }` er ikke et gyldigt årstal
    .label = her skal stå et årstal med fire cifre
    .help = skriv hele årstallet, for eksempel `2026`
syntax-bad-date = `{ $raw }` er ikke en gyldig dato
    .label = datoen findes ikke
    .help = skriv datoer som ÅR-MÅNED-DAG, for eksempel `2023-12-04`
syntax-bad-date-turned = skriv datoer som ÅR-MÅNED-DAG: `{ $fixed }`
syntax-bad-month-day = `{ $raw }` er ikke en gyldig måned og dag
    .label = den dag findes ikke i året
    .help = skriv MÅNED-DAG, for eksempel `08-31`
syntax-bad-month-day-turned = skriv MÅNED-DAG med måneden først: `{ $fixed }`
syntax-date-not-iso = `{ $raw }`: pejl skriver datoer som år-måned-dag, `{ $iso }`
    .label = skriv `{ $iso }`
    .help = datoer skrives med bindestreger og året først (ISO 8601), for eksempel { $example }
syntax-not-a-date = `{ $raw }` er ikke en dato, pejl kan læse
    .label = ikke en dato
    .help = skriv datoen med bindestreger og året først (ISO 8601), for eksempel { $example }
syntax-date-example-full = `2026-12-31`
syntax-date-example-due = `2026-12-31` eller `12-31`
syntax-date-needs-year = skriv hele datoen med årstal, for eksempel `2026-12-31`
syntax-due-year-twice = datoen { $date } for `due` angiver allerede året
    .label = `next year` med en fuld dato
    .help = skriv `due { $monthday } next year`, eller kun den fulde dato

## Oplysninger, der står to gange (P0107)

syntax-given-twice = `{ $keyword }` står to gange i samme blok
    .label = anden gang
    .help = behold én linje med `{ $keyword }`; denne linje bliver ignoreret
