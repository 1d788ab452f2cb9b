# Ord som mange tekster deler.

list-or = eller
list-and = og

did-you-mean = mente du { $names }?
verbatim = { $text }
help-word = Hjælp
joined = { $first } { $second }
