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

# pejl new
template-unknown = det finns ingen mall `{ $template }`: välj { $names }
template-bad-name = `{ $name }` kan inte vara namnet på ett styrdokument: ett namn börjar med en bokstav eller `_`, har bara bokstäver, siffror, `_` och `-` och är inget nyckelord
template-broken = mallen `{ $template }` kan inte läsas; det är ett fel i pejl, rapportera det gärna
# Kommentaren överst i ett nytt styrdokument, på nyckelordens språk.
template-started = Påbörjad med `pejl new` från mallen { $template }: byt ut dess mål, indikatorer och
    siffror mot era egna och kontrollera med `pejl check`.
cli-new-wrote = skrev { $path } från mallen { $template }; kontrollera den med `pejl check { $path }`
cli-cannot-read-folder = kan inte läsa mappen `{ $path }`: { $reason }
