# cli: kommandoraden `pejl` (se locales/README.md).

cli-error = fel
cli-checked = { $policies ->
    [one] { $policies } styrdokument kontrollerat
   *[other] { $policies } styrdokument kontrollerade
}: { $errors ->
    [one] { $errors } fel
   *[other] { $errors } fel
}, { $warnings ->
    [one] { $warnings } varning
   *[other] { $warnings } varningar
}, { $hints ->
    [one] { $hints } tips
   *[other] { $hints } tips
}
cli-no-files = inga .pejl-filer hittades
cli-not-a-file = `{ $path }` är ingen fil
cli-cannot-read = kan inte läsa `{ $path }`: { $reason }
cli-not-utf8 = texten är inte giltig UTF-8
cli-cannot-read-stdin = kan inte läsa standard in: { $reason }
cli-stdin-too-large = standard in är större än { $mib } MiB, det mesta pejl läser från en fil
cli-stdin-not-utf8 = standard in är inte giltig UTF-8-text
cli-cannot-write-output = kan inte skriva utdata: { $reason }
cli-cannot-write = kan inte skriva `{ $path }`: { $reason }
cli-output-is-input = utfilen `{ $output }` är indatafilen `{ $input }`: pejl skriver aldrig över det som läses in; välj en annan utfil
cli-diff-errors = versionerna kan inte jämföras: { $count ->
    [one] { $count } fel
   *[other] { $count } fel
} i styrdokumenten (se ovan); rätta dem först
cli-new-exists = `{ $path }` finns redan: pejl new skriver aldrig över ett styrdokument
cli-no-folder = mappen `{ $folder }` finns inte: skapa den först
