# Text-layer vocabularies: abbreviations whose full stop does not end a
# sentence, and phrases that mark page furniture.

[abbreviation]
abbr = mr, mrs, ms, dr, prof, gen, lt, col, maj, capt, sgt, cpl, adm, cmdr, gov, sen, rep, rev, hon, pres, st, sr, jr
abbr = jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
abbr = no, nos, vol, fig, p, pp, approx, est, vs, etc, inc, ltd, corp, co, dept, univ, ave, blvd, mt, ft
abbr = e.g, i.e, a.m, p.m, u.s, u.n, u.k, e.u

[furniture]
credit = photo credit, photo by, photos by, picture by, image by, credit, file photo
report = contributed to this report, contributed reporting, additional reporting by
byline = by
related = related
page = text size, print, email, share, advertisement
