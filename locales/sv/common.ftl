# Ord som många texter delar.

list-or = eller
list-and = och

did-you-mean = menade du { $names }?
verbatim = { $text }
help-word = Hjälp
joined = { $first } { $second }
