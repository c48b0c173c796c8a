# numbers lexicon
