//! Dates and quantities, table-driven: one row a sentence, its language
//! and what it must yield.

use super::*;
use crate::text::tokenize;

fn found(text: &str, lang: Lang) -> Vec<(String, Label)> {
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    let mut folded = FoldedTokens::default();
    folded.fill(text, &tokens);
    let mut out = Vec::new();
    find(text, &tokens, &folded, lang, &mut out);
    out.iter().map(|e| (e.text(text).to_string(), e.label)).collect()
}

#[test]
fn table() {
    use Label::{Date, Num};
    type Case<'a> = (&'a str, Lang, &'a str, &'a [(&'a str, Label)]);
    let cases: &[Case] = &[
        ("weekday", Lang::FR, "ont repris jeudi des bases", &[("jeudi", Date)]),
        ("day month", Lang::FR, "le 5 décembre, rien", &[("5 décembre", Date)]),
        ("full date", Lang::FR, "le 18 décembre 2019 à Paris", &[("18 décembre 2019", Date)]),
        ("weekday date", Lang::FR, "mardi 5 mai", &[("mardi 5 mai", Date)]),
        ("first of month", Lang::FR, "le 1er janvier", &[("1er janvier", Date)]),
        ("english month day", Lang::EN, "on Feb. 9 they", &[("Feb. 9", Date)]),
        ("english full", Lang::EN, "December 5, 2019 was", &[("December 5, 2019", Date)]),
        ("may verb", Lang::EN, "it may rain", &[]),
        ("may name", Lang::EN, "Theresa May said", &[]),
        ("may date", Lang::EN, "on May 5", &[("May 5", Date)]),
        ("year after preposition", Lang::FR, "En 2014, les terroristes", &[("2014", Date)]),
        ("count not year", Lang::FR, "environ 2000 manifestants", &[("2000", Num)]),
        ("year range", Lang::FR, "la guerre de 1914-1918", &[("1914-1918", Date)]),
        ("decade english", Lang::EN, "in the 1880s", &[("1880s", Date)]),
        ("decade french", Lang::FR, "les années 1980", &[("années 1980", Date)]),
        ("relative day", Lang::FR, "Il a dit hier que", &[("hier", Date)]),
        ("french time", Lang::FR, "à 14h30 précises", &[("14h30", Date)]),
        ("french hours", Lang::FR, "à 14 heures et vers 18 h", &[("14 heures", Date), ("18 h", Date)]),
        ("french duration", Lang::FR, "il a fallu 24 heures", &[("24", Num)]),
        ("english time", Lang::EN, "at 10:30 today", &[("10:30", Date), ("today", Date)]),
        ("english pm", Lang::EN, "at 3pm or 4 pm", &[("3pm", Date), ("4 pm", Date)]),
        ("french lone month", Lang::FR, "en mars, puis Mars", &[("mars", Date)]),
        ("numeric date", Lang::FR, "le 18/12/2019", &[("18/12/2019", Date)]),
        ("dotted date", Lang::FR, "publié le 04.05.2015 à", &[("04.05.2015", Date)]),
        ("thousands dot", Lang::FR, "environ 1.500 terroristes", &[("1.500", Num)]),
        ("percent glued", Lang::FR, "de 95% de ces régions", &[("95%", Num)]),
        ("percent spaced", Lang::FR, "de 95 % de ces régions", &[("95 %", Num)]),
        ("percent words", Lang::FR, "de 95 pour cent", &[("95 pour cent", Num)]),
        ("plain count", Lang::FR, "la mort de 51 civils", &[("51", Num)]),
        ("dollars million", Lang::EN, "a $170 million deal", &[("$170 million", Num)]),
        ("euros millions", Lang::FR, "3,5 millions d'euros", &[("3,5 millions d'euros", Num)]),
        ("euro sign after", Lang::FR, "coûte 5 €", &[("5 €", Num)]),
        ("billions glued", Lang::EN, "a $5bn loss", &[("$5bn", Num)]),
        ("french groups", Lang::FR, "1 500 soldats", &[("1 500", Num)]),
        ("english percent", Lang::EN, "up 3.5 percent", &[("3.5 percent", Num)]),
        ("minute mark", Lang::FR, "78’ : le PSG mène", &[]),
        ("minute mark, straight", Lang::FR, "à la 78' de jeu", &[]),
        ("stoppage time", Lang::FR, "45+2 : carton jaune", &[]),
        ("stoppage time after an ordinal", Lang::FR, "45e+2 : carton jaune", &[]),
        ("stoppage time after a prime", Lang::FR, "90’+3, but", &[]),
        ("a sum is still a count", Lang::FR, "soit 45 + 2 buts", &[("45", Num), ("2", Num)]),
        ("french phone", Lang::FR, "au 06 12 34 56 78 ou", &[]),
        ("belgian phone", Lang::FR, "au 0470 00 12 34 56 ou", &[]),
        ("swiss phone", Lang::FR, "au 079 000 12 34 ou", &[]),
        ("quebec phone", Lang::FR, "au 418 555-0142 ou", &[]),
        ("dotted phone", Lang::FR, "au 06.12.34.56.78 ou", &[]),
        ("international phone", Lang::FR, "au +33 6 12 34 56 78 ou", &[]),
        ("a score", Lang::FR, "le PSG mène 2-1 à la pause", &[]),
        ("a range counted", Lang::FR, "de 10-15 % des voix", &[("10", Num), ("15 %", Num)]),
        ("a rating", Lang::FR, "Note : 4/5, ou 8/10", &[]),
        ("a share is still a count", Lang::FR, "12/30 élèves", &[("12", Num), ("30", Num)]),
        ("a handle's digits", Lang::FR, "@SangEtOr_62 a écrit", &[]),
        ("millions still grouped", Lang::FR, "3 500 000 euros", &[("3 500 000 euros", Num)]),
        ("swiss thousands", Lang::FR, "10’000 francs suisses", &[("10’000 francs", Num)]),
        ("unsupported", Lang::UNDETERMINED, "1.500 le 5 mai", &[]),
    ];
    for (name, text, lang, want) in cases.iter().map(|(n, l, t, w)| (n, t, *l, w)) {
        let want: Vec<(String, Label)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(found(text, lang), want, "case {name}");
    }
}

/// German, Spanish and Dutch, whose words come from their files only.
#[test]
fn table_other_languages() {
    use Label::{Date, Num};
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, Label)]);
    let cases: &[Case] = &[
        ("de day with its dot", "de", "Die Wahl findet am 3. Oktober 2019 statt.", &[("3. Oktober 2019", Date)]),
        ("de weekday", "de", "Der Minister sagte am Dienstag in Berlin", &[("Dienstag", Date)]),
        ("de millions", "de", "Das kostet 3,5 Millionen Euro mehr.", &[("3,5 Millionen Euro", Num)]),
        ("de percent", "de", "Die Partei kam auf 25,4 Prozent der Stimmen.", &[("25,4 Prozent", Num)]),
        ("de year", "de", "Seit 2014 regiert sie mit 1.500 Mitarbeitern.", &[("2014", Date), ("1.500", Num)]),
        ("de decade", "de", "in den 1980er Jahren", &[("1980er", Date)]),
        ("de month and year", "de", "Im März 2020 begann es.", &[("März 2020", Date)]),
        ("de August the name", "de", "August Bebel sprach.", &[]),
        ("de relative day", "de", "Gestern wurde bekannt, dass", &[("Gestern", Date)]),
        ("es full date", "es", "el 3 de octubre de 2019 en Madrid", &[("3 de octubre de 2019", Date)]),
        ("es month of year", "es", "desde marzo de 2020 hasta hoy", &[("marzo de 2020", Date), ("hoy", Date)]),
        ("es millions", "es", "una multa de 3,5 millones de euros", &[("3,5 millones de euros", Num)]),
        ("es percent", "es", "subió un 25 por ciento el lunes", &[("25 por ciento", Num), ("lunes", Date)]),
        ("es decade", "es", "en los años 80 del siglo pasado", &[("años 80", Date)]),
        ("es Mayo the name", "es", "Mayo Clinic informó", &[]),
        ("es lower-case mayo", "es", "llegó en mayo a la capital", &[("mayo", Date)]),
        ("nl full date", "nl", "Op 3 oktober 2019 stemde de Kamer.", &[("3 oktober 2019", Date)]),
        ("nl millions", "nl", "Het kost 3,5 miljoen euro per jaar.", &[("3,5 miljoen euro", Num)]),
        ("nl percent", "nl", "De partij haalde 12 procent op woensdag.", &[("12 procent", Num), ("woensdag", Date)]),
        ("nl decade", "nl", "in de jaren 80 en 90", &[("jaren 80", Date), ("90", Num)]),
        ("nl year", "nl", "Sinds 2015 werken er 2.300 mensen.", &[("2015", Date), ("2.300", Num)]),
        ("de hours", "de", "Die Sitzung beginnt um 14 Uhr, die Pressekonferenz um 15.30 Uhr.", &[("14 Uhr", Date), ("15.30 Uhr", Date)]),
        ("de cued minutes", "de", "Der Zug fährt um 15.30 ab, mit 250 Gästen.", &[("15.30", Date), ("250", Num)]),
        ("de rise by", "de", "Der Umsatz stieg um 12 Prozent.", &[("12 Prozent", Num)]),
        ("es hours", "es", "empezó a las 14.30 horas y terminó a las 18:00", &[("14.30 horas", Date), ("18:00", Date)]),
        ("es cued minutes", "es", "llegó a las 9.15 con 250 personas", &[("9.15", Date), ("250", Num)]),
        ("nl hours", "nl", "De vergadering begint om 14.00 uur.", &[("14.00 uur", Date)]),
        ("nl duration", "nl", "Het duurde 24 uur.", &[("24", Num)]),
        ("es duration", "es", "durante 48 horas", &[("48", Num)]),
        ("nl cued minutes", "nl", "De trein vertrekt om 9.45 met 300 reizigers.", &[("9.45", Date), ("300", Num)]),
        ("en decimal", "en", "The index rose 15.30 points.", &[("15.30", Num)]),
        ("de score", "de", "Bayer gewann 5:0 (1:0) vor 30.210 Zuschauern.", &[("30.210", Num)]),
        ("de ordinals", "de", "Tore: 1:0 Boniface (25., Elfmeter), 2:0 Xhaka (60.); in der 68. Minute", &[]),
        ("de labels", "de", "Meldung Nr. 0378, Artikel 115, Linie 6, Platz 17, Tel. 09131 760-514", &[]),
        // The price of ordinals: German capitalises nouns, so a count
        // that ends a sentence before a capital reads as one.
        ("de count before a sentence", "de", "Es waren 25. Die Zahl stieg auf 40.", &[("40", Num)]),
        ("de count at a paragraph's end", "de", "Es waren 25.\nDie Zahl stieg.", &[("25", Num)]),
        ("es labels", "es", "el artículo 155 y la línea 6", &[]),
        ("nl labels", "nl", "artikel 12 en lijn 6", &[]),
    ];
    for &(name, code, text, want) in cases {
        let want: Vec<(String, Label)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(found(text, Lang::from_code(code).unwrap()), want, "case {name}");
    }
}
