MODULE = {
    "code": "web-writing",
    "hours": 8,
    "competencies": ["content.writing"],
    "title": {"it": "Scrivere per il web in italiano", "en": "Writing for the web in Italian"},
    "summary": {
        "it": "Testi che si leggono in fretta e si capiscono al primo colpo: struttura, chiarezza, correttezza e tono.",
        "en": "Texts that are read quickly and understood at once: structure, clarity, correctness and tone.",
    },
    "lessons": [
        {
            "key": "how-people-read",
            "title": {"it": "Come si legge sul web", "en": "How people read on the web"},
            "body": {
                "it": """
Sul web nessuno legge dall'inizio alla fine: si **scorre**, si cercano parole, si decide in pochi secondi se restare. Un buon testo aiuta chi scorre a trovare subito quello che cerca.

### La regola della piramide rovesciata

Metti all'inizio **la cosa più importante**: cosa offri, a chi, perché conviene. I dettagli vengono dopo. Se il lettore si ferma alla prima frase, deve aver capito il punto.

### Titoli, paragrafi, frasi

- **Titoli che dicono**, non che giocano: *«Valvole inox per l'industria alimentare, consegna in 10 giorni»* funziona meglio di *«Il futuro è adesso»*.
- **Paragrafi brevi**: tre o quattro righe, un'idea ciascuno.
- **Frasi brevi**, con soggetto e verbo vicini. Una frase, un'informazione.
- **Elenchi puntati** per le caratteristiche, **grassetto** per le poche parole che chi scorre deve vedere.

### Via l'aziendalese

Evita le frasi che potrebbe scrivere chiunque: *«leader nel settore»*, *«soluzioni a 360 gradi»*, *«qualità e professionalità»*. Sostituiscile con un fatto: *«dal 1978 produciamo 40.000 raccordi al mese, collaudati uno per uno»*.

### Scrivi per il problema del cliente

Il cliente non cerca il tuo prodotto: cerca la soluzione a un problema. Parti da quello (*«Perdite sulle linee di lavaggio?»*), poi mostra come il prodotto lo risolve, con un dato o un esempio.
""",
                "en": """
On the web nobody reads from start to end: people **scan**, look for words, decide within seconds whether to stay. A good text helps the scanner find at once what they are looking for.

### The inverted pyramid

Put **the most important thing** first: what you offer, to whom, why it pays. Details come later. If the reader stops after the first sentence, they must have got the point.

### Headlines, paragraphs, sentences

- **Headlines that tell**, not tease: *“Stainless valves for the food industry, delivered in 10 days”* works better than *“The future is now”*.
- **Short paragraphs**: three or four lines, one idea each.
- **Short sentences**, with subject and verb close together. One sentence, one piece of information.
- **Bullet lists** for features, **bold** for the few words a scanner must see.

### Drop the corporate jargon

Avoid sentences anybody could write: *“leader in the sector”*, *“360-degree solutions”*, *“quality and professionalism”*. Replace them with a fact: *“since 1978 we have made 40,000 fittings a month, each one tested”*.

### Write for the customer's problem

Customers are not looking for your product: they are looking for a solution to a problem. Start from it (*“Leaks on the washing lines?”*), then show how the product solves it, with a figure or an example.

*The texts you publish for the company are in Italian: the examples in this lesson are in English only to explain the rules.*
""",
            },
        },
        {
            "key": "correct-and-tone",
            "title": {"it": "Correttezza e tono", "en": "Correctness and tone"},
            "body": {
                "it": """
Un errore di ortografia in un post aziendale costa più di quanto sembri: chi legge pensa che la stessa cura ci sia nei prodotti. Gli errori più comuni sono pochi, e si possono evitare.

### Gli errori che si vedono di più

- **Accenti**: *perché*, *poiché*, *né* (accento acuto); *è*, *caffè* (grave); *po'* con l'apostrofo, non *pò*.
- **Apostrofi**: *qual è* senza apostrofo; *un'azienda* ma *un prodotto*.
- **Maiuscole**: nei titoli italiani solo la prima parola e i nomi propri (*«Nuova gamma di valvole a sfera»*, non *«Nuova Gamma Di Valvole»*).
- **Numeri e unità**: *10 mm*, con lo spazio; la virgola per i decimali (*2,5 kg*).
- **Anglicismi**: usali solo se sono la parola del mestiere (*newsletter*, *webinar*); altrimenti l'italiano è più chiaro.

### Il tono dell'azienda

Decidi con il titolare **come l'azienda dà del tu o del lei** ai clienti e tienilo ovunque: sito, social, risposte. Il tono di un'azienda B2B seria è cortese, diretto, concreto; mai gergale, mai pomposo.

### Prima di pubblicare

1. Rileggi **ad alta voce**: dove inciampi, la frase è troppo lunga.
2. Controlla nomi, numeri, date e link, uno per uno.
3. Chiediti: *il primo paragrafo dice la cosa più importante?*
4. Lascia riposare il testo dieci minuti, poi rileggilo un'ultima volta.

Quando hai un dubbio sulla lingua, la consulenza linguistica dell'Accademia della Crusca e il vocabolario Treccani rispondono quasi sempre.
""",
                "en": """
A spelling mistake in a company post costs more than it seems: readers assume the same care goes into the products. The most common mistakes in Italian are few, and can be avoided.

### The mistakes people notice most

- **Accents**: *perché*, *poiché*, *né* (acute accent); *è*, *caffè* (grave); *po'* with an apostrophe, never *pò*.
- **Apostrophes**: *qual è* without an apostrophe; *un'azienda* but *un prodotto*.
- **Capital letters**: Italian headlines capitalise only the first word and proper names (*“Nuova gamma di valvole a sfera”*, not *“Nuova Gamma Di Valvole”*), unlike English title case.
- **Numbers and units**: *10 mm*, with a space; a comma for decimals (*2,5 kg*).
- **Anglicisms**: use them only when they are the trade's word (*newsletter*, *webinar*); otherwise Italian is clearer.

### The company's tone

Agree with the owner **whether the company addresses customers with *tu* or *Lei*** and keep it everywhere: website, social media, replies. The tone of a serious B2B company is courteous, direct, concrete; never slangy, never pompous.

### Before publishing

1. Read it **aloud**: where you stumble, the sentence is too long.
2. Check names, numbers, dates and links, one by one.
3. Ask yourself: *does the first paragraph say the most important thing?*
4. Let the text rest for ten minutes, then read it one last time.

When in doubt about the language, the Accademia della Crusca's language advice and the Treccani dictionary almost always have the answer.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "rewrite-a-page",
            "title": {"it": "Riscrivi una pagina prodotto", "en": "Rewrite a product page"},
            "instructions": {
                "it": """
Scegli una pagina prodotto del sito scritta in «aziendalese» e **riscrivila** con le regole della lezione: titolo che dice, primo paragrafo con la cosa più importante, paragrafi brevi, un elenco delle caratteristiche, un fatto al posto di ogni aggettivo vuoto.

Come prova aggiungi il link alla pagina e una nota con il testo prima e dopo (o carica un documento con i due testi affiancati).
""",
                "en": """
Pick a product page of the website written in corporate jargon and **rewrite it** with the lesson's rules: a headline that tells, a first paragraph with the most important thing, short paragraphs, a list of features, a fact instead of every empty adjective.

As evidence, add the link to the page and a note with the text before and after (or upload a document with the two texts side by side).
""",
            },
        },
        {
            "key": "three-clean-posts",
            "title": {"it": "Tre contenuti approvati senza modifiche", "en": "Three pieces approved without changes"},
            "instructions": {
                "it": """
Scrivi e pubblica dal calendario di Staffetta **tre contenuti** (articoli, post o pagine) che passano l'approvazione **senza richieste di modifica**. La prova si calcola da sola dai contenuti pubblicati in cui sei l'autrice o l'autore.
""",
                "en": """
Write and publish from Staffetta's calendar **three pieces** (articles, posts or pages) that pass approval **without changes requested**. The evidence is computed by itself from the published content you authored.
""",
            },
            "rule": "posts_published_clean",
            "params": {"min_count": 3, "weeks": 0},
        },
    ],
    "resources": [
        {
            "title": "Accademia della Crusca – Consulenza linguistica",
            "url": "https://accademiadellacrusca.it/it/consulenza",
            "language": "it",
        },
        {"title": "Treccani – Vocabolario", "url": "https://www.treccani.it/vocabolario/", "language": "it"},
        {
            "title": "Designers Italia – Linee guida per la scrittura dei contenuti",
            "url": "https://designers.italia.it/",
            "language": "it",
        },
    ],
}
