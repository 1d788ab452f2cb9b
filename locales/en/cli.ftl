# cli: the `pejl` command line (see locales/README.md).

# Before a usage error on standard error: "error: no .pejl files found"
cli-error = error
cli-checked = checked { $policies ->
    [one] { $policies } policy
   *[other] { $policies } policies
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $hints ->
    [one] { $hints } hint
   *[other] { $hints } hints
}
cli-no-files = no .pejl files found
cli-not-a-file = `{ $path }` is not a file
cli-cannot-read = cannot read `{ $path }`: { $reason }
cli-not-utf8 = it is not valid UTF-8 text
cli-cannot-read-stdin = cannot read standard input: { $reason }
cli-stdin-too-large = standard input is larger than { $mib } MiB, the most pejl reads from one file
cli-stdin-not-utf8 = standard input is not valid UTF-8 text
cli-cannot-write-output = cannot write the output: { $reason }
cli-cannot-write = cannot write `{ $path }`: { $reason }
cli-output-is-input = the output `{ $output }` is the input `{ $input }`: pejl does not write over its inputs; choose another output file
cli-diff-errors = cannot compare the versions: { $count ->
    [one] { $count } error
   *[other] { $count } errors
} in the policies (shown above); fix them first
cli-new-exists = `{ $path }` exists already: pejl new never overwrites a policy
cli-no-folder = the folder `{ $folder }` does not exist: create it first
