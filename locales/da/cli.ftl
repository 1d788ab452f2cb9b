# cli: kommandolinjen `pejl` (se locales/README.md).

cli-error = fejl
cli-checked = { $policies ->
    [one] { $policies } politik kontrolleret
   *[other] { $policies } politikker kontrolleret
}: { $errors ->
    [one] { $errors } fejl
   *[other] { $errors } fejl
}, { $warnings ->
    [one] { $warnings } advarsel
   *[other] { $warnings } advarsler
}, { $hints ->
    [one] { $hints } tip
   *[other] { $hints } tips
}
cli-no-files = ingen .pejl-filer fundet
cli-not-a-file = `{ $path }` er ikke en fil
cli-cannot-read = kan ikke læse `{ $path }`: { $reason }
cli-not-utf8 = teksten er ikke gyldig UTF-8
cli-cannot-read-stdin = kan ikke læse standard input: { $reason }
cli-stdin-too-large = standard input er større end { $mib } MiB, det meste pejl læser fra én fil
cli-stdin-not-utf8 = standard input er ikke gyldig UTF-8-tekst
cli-cannot-write-output = kan ikke skrive output: { $reason }
cli-cannot-write = kan ikke skrive `{ $path }`: { $reason }
cli-output-is-input = outputfilen `{ $output }` er inputfilen `{ $input }`: pejl skriver aldrig over det, der læses ind; vælg en anden outputfil
cli-diff-errors = versionerne kan ikke sammenlignes: { $count ->
    [one] { $count } fejl
   *[other] { $count } fejl
} i politikkerne (se ovenfor); ret dem først
cli-new-exists = `{ $path }` findes allerede: pejl new overskriver aldrig en politik
cli-no-folder = mappen `{ $folder }` findes ikke: opret den først
