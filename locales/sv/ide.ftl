# ide: hovringstexter och snabbåtgärder i src/ide/ (se locales/README.md).

hover-explain = **`pejl explain { $code }`: { $title }**
hover-status = **status** `{ $name }` — { $label }
hover-not-assessable = Ej bedömbar: statusen när det inte finns något att bedöma.
hover-default-scale = (Standardskalan: grön, gul, röd, grå.)
hover-level = **nivå** `{ $name }` — { $title }
hover-level-under = under `{ $name }`
hover-level-top = högst upp i målkedjan
hover-level-exactly-one = exakt ett överordnat mål
hover-level-at-least-one = minst ett överordnat mål
hover-level-measured = mäts
hover-level-assessed-by = bedöms med `{ $name }`
hover-goal-count = { $count ->
    [one] { $count } mål
   *[other] { $count } mål
}
hover-indicator = **indikator** `{ $name }`
hover-unit = *Enhet:* { $unit }
hover-direction = *Riktning:* { $direction }
hover-higher-is-better = högre är bättre
hover-lower-is-better = lägre är bättre
hover-source = *Källa:* { $kind } "{ $reference }"
hover-benchmark = *Jämförelsevärde:* { $kind }
hover-benchmark-described = *Jämförelsevärde:* { $kind } — { $description }
hover-frequency = *Frekvens:* { $frequency }
hover-measures = { $count ->
    [one] *Mäter* { $count } mål
   *[other] *Mäter* { $count } mål
}
hover-rule = **regel** `{ $name }`
hover-rollup = **sammanvägning** `{ $name }`
hover-first-match = Första villkoret som stämmer gäller.
hover-body = **organ** `{ $name }` — { $title }
hover-kind = *Typ:* { $kind }
hover-parent = *Överordnat organ:* `{ $name }`{ $title }
hover-owns = { $count ->
    [one] *Ansvarar för* { $count } mål
   *[other] *Ansvarar för* { $count } mål
}
hover-shares = { $count ->
    [one] *Delar* { $count } mål med andra organ
   *[other] *Delar* { $count } mål med andra organ
}
hover-report = **rapport** `{ $name }` — { $title }
hover-uses = *Använder:* { $uses }
hover-covers = *Omfattar:* { $from } till { $to }
hover-due = *Lämnas:* { $date }
hover-due-next-year = *Lämnas:* { $date } året efter
hover-to = *Till:* `{ $name }`{ $title }
hover-value = **värdegrund** `{ $name }` — { $title }
hover-policy = **styrdokument** `{ $name }` — { $title }
hover-version = *Version:* { $version }
hover-draft = *Status:* utkast, inte antaget
hover-adopted = *Antaget* { $date }
hover-revised = *Reviderat* { $date }
hover-decision-by = { $decision } av `{ $name }`
hover-period = *Period:* { $from }–{ $to }
hover-default-rule = *Standardregel:* `{ $name }`
hover-test = **test** "{ $title }"
hover-test-expectations = { $count ->
    [one] { $count } förväntan; `pejl test` kör testet
   *[other] { $count } förväntningar; `pejl test` kör testet
}
hover-include = **include** "{ $path }"
hover-chain = **målkedja**
hover-scale = **statusskala**
hover-activity = **aktivitet** `{ $name }`
hover-goal = *Mål:* `{ $name }`{ $title }
hover-goal-none = *Mål:* inget
hover-owner = *Ansvarig:* `{ $name }`{ $title }
hover-owner-none = *Ansvarig:* ingen
hover-shared-with = *Delas med:* { $names }
hover-start = *Start:* { $date }
hover-deadline = *Klart senast:* { $date }
hover-deadline-none = *Klart senast:* inget datum
hover-budget = *Budget:* { $amount } { $currency }
hover-progress = *Läge:* från uppföljningsdata (planerad, påbörjad, klar, avbruten)
hover-chain-path = *Målkedja:* { $steps }
hover-also-under = *Även under:* { $names }
hover-measure = *Mäts med:* `{ $name }`{ $title }
hover-indicators = *Indikatorer:* { $names }
hover-baseline = *Utgångsvärde:* { $value }
hover-baseline-in = *Utgångsvärde:* { $value } år { $year }
hover-target-benchmark = jämförelsevärdet
hover-target-benchmark-kind = jämförelsevärdet { $kind }
hover-target-relative = { $change } % från utgångsvärdet
hover-target = *Målvärde:* { $value } senast { $year }
hover-target-no-deadline = *Målvärde:* { $value } (inget slutår)
hover-milestone = *Delmål:* { $value }
hover-milestone-in = *Delmål:* { $value } år { $year }
hover-rule-of-goal = *Regel:* `{ $name }`{ $title }
hover-rule-default = *Regel:* `{ $name }`{ $title } (styrdokumentets standardregel)
hover-follow-up = *Följs upp i:* { $names }
hover-values = *Värdegrund:* { $names }
hover-target-group = *Målgrupp:* { $group }
hover-goals-under = *Mål under detta:* { $count }
hover-activities = *Aktiviteter:* { $names }

action-create = { $what ->
    [body] Skapa organet `{ $name }`
    [indicator] Skapa indikatorn `{ $name }`
    [rule] Skapa regeln `{ $name }`
    [rollup] Skapa sammanvägningen `{ $name }`
    [report] Skapa rapporten `{ $name }`
    [value] Skapa värdegrunden `{ $name }`
   *[goal] Skapa målet `{ $name }`
}
action-add-owner = Lägg till `{ $statement }` (ansvarig för målet ovanför)
action-add-deadline = Lägg till slutåret `by { $year }` (sista året i styrdokumentets period)

# Byta namn (src/ide/nav.rs)
rename-nothing-here = det finns inget ID här att byta namn på
rename-built-in = `{ $name }` är en status i standardskalan; deklarera en `scale` för att byta namn på statusar
rename-invalid = `{ $name }` är inget giltigt ID: ett ID börjar med en bokstav eller `_` och har bara bokstäver, siffror, `_` och `-`
rename-keyword = `{ $name }` är ett nyckelord i pejl och kan inte vara ett ID
