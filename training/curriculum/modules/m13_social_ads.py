MODULE = {
    "code": "social-ads",
    "hours": 8,
    "competencies": ["ads.campaigns", "budget.reading"],
    "title": {"it": "Campagne su Facebook, LinkedIn e X", "en": "Facebook, LinkedIn and X campaigns"},
    "summary": {
        "it": "Piccole campagne a pagamento sui social: obiettivo, pubblico, budget, annunci; seguirle nei primi giorni e chiuderle con i numeri.",
        "en": "Small paid campaigns on social media: objective, audience, budget, ads; following them in the first days and closing them with figures.",
    },
    "lessons": [
        {
            "key": "set-up",
            "title": {"it": "Impostare una campagna", "en": "Setting up a campaign"},
            "body": {
                "it": """
Ogni piattaforma ha il suo strumento: **Gestione inserzioni** di Meta (Facebook e Instagram), **Campaign Manager** di LinkedIn, **X Ads**. La logica è la stessa ovunque.

### 1. L'obiettivo

Scegli **un solo obiettivo** per campagna: *traffico* verso una pagina, *generazione di contatti* con un modulo nella piattaforma, *notorietà* per una fiera. L'obiettivo decide a chi la piattaforma mostra gli annunci: se chiedi clic, troverà chi clicca, non chi compra.

### 2. Il pubblico

- **LinkedIn** è il più preciso per il B2B: qualifica professionale, settore, dimensione dell'azienda, area. È anche il più caro per clic: compensa con un pubblico stretto.
- **Meta** lavora per area geografica, interessi e pubblici simili ai tuoi clienti; utile per il territorio e per le assunzioni.
- **X** raggiunge chi segue argomenti e account del settore; utile intorno a fiere ed eventi.

Un pubblico troppo largo spreca budget; troppo stretto (sotto qualche migliaio di persone) costa molto e impara poco.

### 3. Budget e durata

Parti piccolo: per esempio **10–15 € al giorno per due settimane**, entro la soglia di spesa autonoma. Meglio un **budget totale** con data di fine: la campagna non resta accesa per dimenticanza.

### 4. Gli annunci

Un'immagine o un video vostri, una prima riga che parla al problema del cliente, un invito chiaro (*«Scarica la scheda»*, *«Chiedi un campione»*). Prepara **due varianti** dell'annuncio: dopo qualche giorno saprai quale funziona. I link portano a una pagina coerente con l'annuncio e hanno i **parametri UTM**.
""",
                "en": """
Each platform has its own tool: Meta's **Ads Manager** (Facebook and Instagram), LinkedIn's **Campaign Manager**, **X Ads**. The logic is the same everywhere.

### 1. The objective

Choose **one objective** per campaign: *traffic* to a page, *lead generation* with a form inside the platform, *awareness* for a trade fair. The objective decides whom the platform shows the ads to: if you ask for clicks, it will find clickers, not buyers.

### 2. The audience

- **LinkedIn** is the most precise for B2B: job title, industry, company size, area. It is also the most expensive per click: make up for it with a narrow audience.
- **Meta** works by area, interests and audiences similar to your customers; useful for the local area and for hiring.
- **X** reaches people following topics and accounts of the industry; useful around trade fairs and events.

An audience too wide wastes budget; too narrow (under a few thousand people) costs a lot and learns little.

### 3. Budget and duration

Start small: for instance **€10–15 a day for two weeks**, within your spending autonomy. Prefer a **lifetime budget** with an end date: the campaign does not stay on by oversight.

### 4. The ads

An image or a video of your own, a first line speaking to the customer's problem, a clear call (*“Download the datasheet”*, *“Ask for a sample”*). Prepare **two variants** of the ad: after a few days you will know which works. Links lead to a page consistent with the ad and carry **UTM parameters**.
""",
            },
        },
        {
            "key": "follow-and-close",
            "title": {"it": "Seguire e chiudere una campagna", "en": "Following and closing a campaign"},
            "body": {
                "it": """
### I primi giorni

Nei primi 2–3 giorni la piattaforma **impara**: i numeri ballano, non cambiare tutto dopo poche ore. Controlla però subito che gli annunci siano approvati, che i link funzionino e che la spesa proceda come previsto.

### I numeri da guardare

- **CTR** (clic ÷ impressioni): dice se l'annuncio interessa.
- **CPC** (costo per clic) e **CPM** (costo per mille impressioni): dicono quanto costa l'attenzione.
- **Costo per contatto** o per richiesta: il numero che conta davvero. Le richieste le vedi in Staffetta, attribuite alla campagna grazie agli UTM.
- **Frequenza**: quante volte la stessa persona vede l'annuncio. Sopra 3–4 a settimana l'annuncio stanca: cambialo.

### Quando fermarsi

Ferma la variante che dopo qualche centinaio di clic ha un costo per richiesta molto più alto dell'altra; ferma la campagna se dopo metà del budget non è arrivata nessuna richiesta, e chiediti perché (pubblico, annuncio o pagina).

### Commenti sugli annunci

Anche gli annunci ricevono commenti: si risponde come ai post, entro la giornata.

### Chiudere

1. Registra la **spesa** in Staffetta, nel budget del mese e del canale, con la fattura (le piattaforme fatturano dall'estero: passala all'amministrazione).
2. Scrivi il **resoconto**: obiettivo, pubblico, spesa, clic, richieste, costo per richiesta, cosa hai imparato.
3. Confronta con i contenuti non a pagamento dello stesso periodo.
""",
                "en": """
### The first days

In the first 2–3 days the platform **learns**: figures jump around, do not change everything after a few hours. Do check at once that the ads are approved, the links work and spend proceeds as planned.

### The figures to look at

- **CTR** (clicks ÷ impressions): tells whether the ad interests people.
- **CPC** (cost per click) and **CPM** (cost per thousand impressions): tell what attention costs.
- **Cost per lead** or per enquiry: the figure that really counts. You see the enquiries in Staffetta, attributed to the campaign thanks to the UTM parameters.
- **Frequency**: how many times the same person sees the ad. Above 3–4 a week the ad wears out: change it.

### When to stop

Stop the variant that after a few hundred clicks has a much higher cost per enquiry than the other; stop the campaign if no enquiry has arrived after half the budget, and ask yourself why (audience, ad or page).

### Comments on ads

Ads get comments too: answer them like posts, within the day.

### Closing

1. Record the **spend** in Staffetta, in the month's and channel's budget, with the invoice (the platforms invoice from abroad: pass it to administration).
2. Write the **report**: objective, audience, spend, clicks, enquiries, cost per enquiry, what you learnt.
3. Compare with the unpaid content of the same period.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "small-campaign",
            "title": {"it": "Una piccola campagna, dall'inizio alla fine", "en": "A small campaign, from start to end"},
            "instructions": {
                "it": """
Con il consulente scegli un canale e un obiettivo, poi **prepara, lancia e chiudi** una campagna entro la tua soglia di spesa autonoma (per esempio 150 € in due settimane), con due varianti dell'annuncio e link tracciati. Registra la spesa nel budget di Staffetta.

Come prova carica il resoconto della campagna (obiettivo, pubblico, spesa, clic, richieste, costo per richiesta, cosa hai imparato).
""",
                "en": """
With the consultant choose a channel and an objective, then **prepare, launch and close** a campaign within your spending autonomy (for instance €150 over two weeks), with two ad variants and tracked links. Record the spend in Staffetta's budget.

As evidence, upload the campaign report (objective, audience, spend, clicks, enquiries, cost per enquiry, what you learnt).
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Meta Business – Centro assistenza inserzioni",
            "url": "https://www.facebook.com/business/help",
            "language": "",
        },
        {"title": "LinkedIn Marketing Solutions – Help", "url": "https://www.linkedin.com/help/lms", "language": ""},
        {"title": "X Business – Ads help", "url": "https://business.x.com/en/help", "language": "en"},
    ],
}
