# events lexicon
