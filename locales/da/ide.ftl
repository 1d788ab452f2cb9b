# ide: hover-tekster og hurtige rettelser i src/ide/ (se locales/README.md).

hover-explain = **`pejl explain { $code }`: { $title }**
hover-status = **status** `{ $name }` — { $label }
hover-not-assessable = Kan ikke vurderes: status, når der ikke er noget at vurdere.
hover-default-scale = (Standardskalaen: grøn, gul, rød, grå.)
hover-level = **niveau** `{ $name }` — { $title }
hover-level-under = under `{ $name }`
hover-level-top = øverst i målkæden
hover-level-exactly-one = præcis ét overordnet mål
hover-level-at-least-one = mindst ét overordnet mål
hover-level-measured = måles
hover-level-assessed-by = vurderes med `{ $name }`
hover-goal-count = { $count ->
    [one] { $count } mål
   *[other] { $count } mål
}
hover-indicator = **indikator** `{ $name }`
hover-unit = *Enhed:* { $unit }
hover-direction = *Retning:* { $direction }
hover-higher-is-better = højere er bedre
hover-lower-is-better = lavere er bedre
hover-source = *Kilde:* { $kind } "{ $reference }"
hover-benchmark = *Sammenligningsgrundlag:* { $kind }
hover-benchmark-described = *Sammenligningsgrundlag:* { $kind } — { $description }
hover-frequency = *Hyppighed:* { $frequency }
hover-measures = { $count ->
    [one] *Måler* { $count } mål
   *[other] *Måler* { $count } mål
}
hover-rule = **regel** `{ $name }`
hover-rollup = **sammenvejning** `{ $name }`
hover-first-match = Den første betingelse, der passer, gælder.
hover-body = **udvalg** `{ $name }` — { $title }
hover-kind = *Type:* { $kind }
hover-parent = *Overordnet:* `{ $name }`{ $title }
hover-owns = { $count ->
    [one] *Ansvarlig for* { $count } mål
   *[other] *Ansvarlig for* { $count } mål
}
hover-shares = { $count ->
    [one] *Deler* { $count } mål med andre udvalg
   *[other] *Deler* { $count } mål med andre udvalg
}
hover-report = **rapport** `{ $name }` — { $title }
hover-uses = *Bruger:* { $uses }
hover-covers = *Dækker:* { $from } til { $to }
hover-due = *Afleveres:* { $date }
hover-due-next-year = *Afleveres:* { $date } året efter
hover-to = *Til:* `{ $name }`{ $title }
hover-value = **værdi** `{ $name }` — { $title }
hover-policy = **politik** `{ $name }` — { $title }
hover-version = *Version:* { $version }
hover-draft = *Status:* udkast, ikke vedtaget
hover-adopted = *Vedtaget* { $date }
hover-revised = *Revideret* { $date }
hover-decision-by = { $decision } af `{ $name }`
hover-period = *Periode:* { $from }–{ $to }
hover-default-rule = *Standardregel:* `{ $name }`
hover-test = **test** "{ $title }"
hover-test-expectations = { $count ->
    [one] { $count } forventning; `pejl test` kører testen
   *[other] { $count } forventninger; `pejl test` kører testen
}
hover-include = **include** "{ $path }"
hover-chain = **målkæde**
hover-scale = **statusskala**
hover-activity = **aktivitet** `{ $name }`
hover-goal = *Mål:* `{ $name }`{ $title }
hover-goal-none = *Mål:* intet
hover-owner = *Ansvarlig:* `{ $name }`{ $title }
hover-owner-none = *Ansvarlig:* ingen
hover-shared-with = *Deles med:* { $names }
hover-start = *Start:* { $date }
hover-deadline = *Frist:* { $date }
hover-deadline-none = *Frist:* ingen
hover-budget = *Budget:* { $amount } { $currency }
hover-progress = *Status:* fra opfølgningsdata (planlagt, i gang, færdig, aflyst)
hover-chain-path = *Målkæde:* { $steps }
hover-also-under = *Også under:* { $names }
hover-measure = *Måles med:* `{ $name }`{ $title }
hover-indicators = *Indikatorer:* { $names }
hover-baseline = *Udgangspunkt:* { $value }
hover-baseline-in = *Udgangspunkt:* { $value } i { $year }
hover-target-benchmark = sammenligningsgrundlaget
hover-target-benchmark-kind = sammenligningsgrundlaget { $kind }
hover-target-relative = { $change } % fra udgangspunktet
hover-target = *Målværdi:* { $value } senest { $year }
hover-target-no-deadline = *Målværdi:* { $value } (ingen frist)
hover-milestone = *Delmål:* { $value }
hover-milestone-in = *Delmål:* { $value } i { $year }
hover-rule-of-goal = *Regel:* `{ $name }`{ $title }
hover-rule-default = *Regel:* `{ $name }`{ $title } (politikkens standardregel)
hover-follow-up = *Følges op i:* { $names }
hover-values = *Værdier:* { $names }
hover-target-group = *Målgruppe:* { $group }
hover-goals-under = *Mål herunder:* { $count }
hover-activities = *Aktiviteter:* { $names }

action-create = { $what ->
    [body] Opret udvalget `{ $name }`
    [indicator] Opret indikatoren `{ $name }`
    [rule] Opret reglen `{ $name }`
    [rollup] Opret sammenvejningen `{ $name }`
    [report] Opret rapporten `{ $name }`
    [value] Opret værdien `{ $name }`
   *[goal] Opret målet `{ $name }`
}
action-add-owner = Tilføj `{ $statement }` (ansvarlig for målet ovenover)
action-add-deadline = Tilføj fristen `by { $year }` (sidste år i politikkens periode)

# Omdøbning (src/ide/nav.rs)
rename-nothing-here = der er intet ID her at omdøbe
rename-built-in = `{ $name }` er en status i standardskalaen; erklær en `scale` for at omdøbe statusser
rename-invalid = `{ $name }` er ikke et gyldigt ID: et ID begynder med et bogstav eller `_` og har kun bogstaver, tal, `_` og `-`
rename-keyword = `{ $name }` er et nøgleord i pejl og kan ikke være et ID
