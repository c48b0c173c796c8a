# actions lexicon
