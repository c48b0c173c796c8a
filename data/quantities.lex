# Quantities lexicon (used by libclaims/numbers.c): units and currencies.

# Units after a number ("300 km", "a 7.2-magnitude quake", "a 48-hour
# strike", "a 34-year-old"). The value is "quantity:unit", the quantity
# going into the slot key (measure/<quantity>/<thing>) and the unit into
# the claim. A third part ":pre" lets the unit stand before the number
# too ("magnitude 7.2", "aged 61"); ":weigh" makes it a unit only after a
# weighing word (actions.lex: _weigh), a currency otherwise ("weighs 4.5
# pounds", "4.5 pounds"); ":spec" makes a figure of the unit
# hyphened to a noun name a product ("a 13-inch model", "a 64GB phone"),
# so that two such figures are two products, never a contradiction. The
# quantity `percent` makes a
# percent claim; `clock` marks a time of day, which is never a quantity.
[unit]
distance:km = km, kms, kilometre, kilometres, kilometer, kilometers
distance:mi = mile, miles
distance:m = m, metre, metres, meter, meters
distance:ft = ft, foot, feet
distance:in:spec = inch, inches
distance:cm = cm, centimetre, centimetres, centimeter, centimeters
distance:mm = mm, millimetre, millimetres, millimeter, millimeters
distance:nmi = nautical mile, nautical miles
frequency:GHz:spec = ghz, gigahertz
frequency:MHz = mhz, megahertz
storage:GB:spec = gb, gbs, gigabyte, gigabytes
storage:TB:spec = tb, terabyte, terabytes
storage:MB = mb, megabyte, megabytes
density:ppi = ppi, pixels per inch
area:km2 = square kilometre, square kilometres, square kilometer, square kilometers, sq km, km2, square-kilometre, square-kilometer
area:m2 = square metre, square metres, square meter, square meters, square-metre, square-meter, sq m, m2
area:sqft = square foot, square feet, square-foot, sq ft, sq. ft
area:ha = hectare, hectares
area:acre = acre, acres
mass:kg = kg, kilogram, kilograms, kilo, kilos
mass:t = ton, tons, tonne, tonnes, metric ton, metric tons
mass:lb = lb, lbs
mass:lb:weigh = pound, pounds
volume:l = litre, litres, liter, liters
volume:bbl = barrel, barrels
volume:gal = gallon, gallons
speed:km/h = km/h, kph, kmh, kilometres per hour, kilometers per hour
speed:mph = mph, miles per hour
temperature:C = degrees celsius, degrees centigrade
temperature:F = degrees fahrenheit
duration:seconds = second, seconds, secs
duration:minutes = minute, minutes, mins
duration:hours = hour, hours, hr, hrs
duration:days = day, days
duration:weeks = week, weeks
duration:months = month, months
duration:years = year, years, yr, yrs
duration:decades = decade, decades
duration:seasons = season, seasons
age:years = year-old, years-old, years old, year old, -year-old
age:years:pre = aged
magnitude:magnitude:pre = magnitude
magnitude:magnitude = on the richter scale, on the richter, richter, strength
percent:% = %, percent, per cent, pct
points:pp = percentage point, percentage points, basis point, basis points
clock:- = a.m, p.m, am, pm, o'clock, gmt, utc, hrs gmt

# Units of one quantity as multiples of the first one listed for it, so
# that "200 feet" and "60 metres" compare (libclaims/compare/compare.c): the
# phrase is the unit as a claim carries it, the value its size in the
# quantity's base unit (distance: metres; area: square metres; mass:
# kilograms; duration: seconds; speed: km/h). A unit not listed compares
# only with itself.
[unit_scale]
1 = m
1000 = km
1609.344 = mi
0.3048 = ft
0.0254 = in
0.01 = cm
0.001 = mm
1852 = nmi
1000 = GHz
1 = MHz
1000 = TB
1 = GB
0.001 = MB
0.45359237 = lb
1000000 = km2
1 = m2
0.09290304 = sqft
10000 = ha
4046.86 = acre
1000 = t
1 = l
158.987 = bbl
3.78541 = gal
1.609344 = mph
1 = seconds
60 = minutes
3600 = hours
86400 = days
604800 = weeks

# Currencies, before or after the amount ("$1.5 billion", "500,000
# shekels", "NIS 500", "€20m"). The value is the ISO 4217 code.
[currency]
USD = dollars, dollar, $, us$, usd, us dollars, u.s. dollars, american dollars
EUR = euros, euro, €, eur
GBP = pounds sterling, pounds, pound, £, gbp, sterling
ILS = shekels, shekel, nis, ils, new israeli shekels, new shekels, sheqels
RUB = rubles, ruble, roubles, rouble, rub
JPY = yen, ¥, jpy
CNY = yuan, renminbi, cny, rmb
INR = rupees, rupee, inr, rs, rs., ₹, indian rupees
PLN = zlotys, zloty, złoty, złotys, zł, pln
CHF = swiss francs, swiss franc, chf
CAD = canadian dollars, c$, cad
AUD = australian dollars, a$, aud
