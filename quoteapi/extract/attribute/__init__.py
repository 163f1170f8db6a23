"""Attribution: who said each quote, in what role. The article's cast of named people and
organisations (``cast``) with the roles the article states (``roles``); pronouns (``pronouns``)
and descriptions (``nominal``) resolved against it; ``speakers`` puts these together."""
