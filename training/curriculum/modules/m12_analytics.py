MODULE = {
    "code": "analytics-roi",
    "hours": 8,
    "competencies": ["analytics.reading", "budget.reading"],
    "title": {"it": "Analytics e ritorno dell'investimento", "en": "Analytics and return on investment"},
    "summary": {
        "it": "Misurare quello che conta per il titolare: da dove arrivano le richieste, quanto costano, cosa rendono in vendite.",
        "en": "Measuring what matters to the owner: where enquiries come from, what they cost, what they return in sales.",
    },
    "lessons": [
        {
            "key": "what-to-measure",
            "title": {"it": "Cosa misurare", "en": "What to measure"},
            "body": {
                "it": """
Il titolare non vuole sapere quante visite ha avuto il sito: vuole sapere **quante richieste sono arrivate, da dove, e quante sono diventate vendite**. Tutto il resto serve a spiegare quel numero.

### Google Analytics 4 in breve

- **Utenti** e **sessioni**: quante persone e quante visite.
- **Coinvolgimento**: quanto tempo restano, quante pagine guardano; utile per capire se una pagina funziona.
- **Acquisizione**: da dove arrivano. Ogni visita ha una **sorgente** (google, linkedin.com, newsletter) e un **mezzo** (organic, social, email, cpc).
- **Eventi chiave** (le *conversioni*): invio del modulo, clic sul telefono o sull'email, download di una scheda. Vanno definiti una volta, con l'agenzia se serve.

### I parametri UTM

Un link con i parametri `utm_source`, `utm_medium` e `utm_campaign` dice ad Analytics — e a Staffetta — da quale post, newsletter o campagna arriva una visita. Staffetta li aggiunge da sola ai link dei contenuti del calendario, e collega al contenuto le richieste che arrivano da quei link.

### Il consenso cambia i numeri

Chi rifiuta i cookie non viene contato come gli altri: i numeri di Analytics sono **una stima per difetto**. Le richieste in Staffetta invece sono tutte vere: per questo il numero del mese parte da lì.

### Il cruscotto del mese

Una pagina sola: visite per canale, richieste per canale, richieste passate alle vendite, contenuti pubblicati, spesa. Sempre gli stessi numeri, nello stesso ordine, ogni mese.
""",
                "en": """
The owner does not want to know how many visits the website had: they want to know **how many enquiries arrived, from where, and how many became sales**. Everything else serves to explain that number.

### Google Analytics 4 in brief

- **Users** and **sessions**: how many people and how many visits.
- **Engagement**: how long they stay, how many pages they look at; useful to see whether a page works.
- **Acquisition**: where they come from. Every visit has a **source** (google, linkedin.com, newsletter) and a **medium** (organic, social, email, cpc).
- **Key events** (the *conversions*): form submission, click on the phone number or email, datasheet download. They are defined once, with the agency if needed.

### UTM parameters

A link with the parameters `utm_source`, `utm_medium` and `utm_campaign` tells Analytics — and Staffetta — which post, newsletter or campaign a visit comes from. Staffetta adds them by itself to the links of calendar items, and ties to the item the enquiries arriving through those links.

### Consent changes the figures

People who refuse cookies are not counted like the others: Analytics figures are **an underestimate**. Enquiries in Staffetta, instead, are all real: that is why the month's number starts from there.

### The monthly dashboard

A single page: visits per channel, enquiries per channel, enquiries passed to sales, content published, spend. Always the same figures, in the same order, every month.
""",
            },
        },
        {
            "key": "budget-roi",
            "title": {"it": "Budget e ROI", "en": "Budget and ROI"},
            "body": {
                "it": """
Il digital manager gestisce **piccoli budget in autonomia** fino a una soglia decisa con il titolare (in Staffetta, sopra la soglia la spesa aspetta l'approvazione). Autonomia vuol dire anche saper dire cosa ha reso ogni euro.

### Tre numeri

- **Costo per richiesta** = spesa ÷ richieste arrivate da quel canale.
- **Costo per richiesta qualificata** = spesa ÷ richieste passate alle vendite perché interessanti davvero.
- **ROI** (ritorno dell'investimento) = (margine delle vendite ottenute − spesa) ÷ spesa.

### Un esempio

A marzo si spendono **300 €** in una campagna LinkedIn. Arrivano **6 richieste**, di cui **2 qualificate**; una diventa un ordine con un margine di **2.400 €**.

- costo per richiesta: 300 ÷ 6 = **50 €**
- costo per richiesta qualificata: 300 ÷ 2 = **150 €**
- ROI: (2.400 − 300) ÷ 300 = **7**, cioè il 700%

### I cicli lunghi del B2B

Tra la richiesta e l'ordine possono passare mesi. Per questo conta **registrare da dove arriva ogni richiesta** e chiedere alle vendite, ogni mese, cosa è successo a quelle passate. Il ROI di una campagna si calcola di nuovo dopo tre e dopo sei mesi.

### Decidere con i numeri

Ogni mese scegli **una decisione**: spostare budget dal canale che costa di più per richiesta qualificata a quello che costa meno, fermare un annuncio, provarne uno nuovo. Scrivila nel resoconto, e il mese dopo guarda com'è andata.
""",
                "en": """
The digital manager runs **small budgets alone** up to a threshold agreed with the owner (in Staffetta, a spend above the threshold waits for approval). Autonomy also means being able to say what every euro returned.

### Three figures

- **Cost per enquiry** = spend ÷ enquiries from that channel.
- **Cost per qualified enquiry** = spend ÷ enquiries passed to sales because really interesting.
- **ROI** (return on investment) = (margin of the sales obtained − spend) ÷ spend.

### An example

In March **€300** are spent on a LinkedIn campaign. **6 enquiries** arrive, **2 of them qualified**; one becomes an order with a margin of **€2,400**.

- cost per enquiry: 300 ÷ 6 = **€50**
- cost per qualified enquiry: 300 ÷ 2 = **€150**
- ROI: (2,400 − 300) ÷ 300 = **7**, that is 700%

### The long B2B cycles

Months may pass between the enquiry and the order. That is why it matters to **record where every enquiry comes from** and to ask sales, every month, what happened to the ones passed on. A campaign's ROI is computed again after three and after six months.

### Deciding with figures

Each month choose **one decision**: move budget from the channel with the highest cost per qualified enquiry to the cheapest one, stop an ad, try a new one. Write it in the report, and the following month look at how it went.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "month-figures",
            "title": {"it": "Il numero del mese", "en": "The month's figures"},
            "instructions": {
                "it": """
Prepara il **resoconto di una pagina** del mese scorso: visite e richieste per canale, richieste passate alle vendite, spesa e costo per richiesta di ogni canale a pagamento, e **una decisione** per il mese dopo, motivata dai numeri. Presentalo al titolare in dieci minuti.

Come prova carica il resoconto (PDF o foglio di calcolo) e scrivi in una nota cosa ha deciso il titolare.
""",
                "en": """
Prepare the **one-page report** of last month: visits and enquiries per channel, enquiries passed to sales, spend and cost per enquiry of every paid channel, and **one decision** for next month, justified by the figures. Present it to the owner in ten minutes.

As evidence, upload the report (PDF or spreadsheet) and write in a note what the owner decided.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Google Analytics – Centro assistenza",
            "url": "https://support.google.com/analytics/",
            "language": "",
        },
        {
            "title": "Google – Campaign URL Builder",
            "url": "https://ga-dev-tools.google/campaign-url-builder/",
            "language": "en",
        },
    ],
}
