MODULE = {
    "code": "google-ads",
    "hours": 8,
    "competencies": ["ads.search", "ads.campaigns", "budget.reading"],
    "title": {"it": "Google Ads", "en": "Google Ads"},
    "summary": {
        "it": "Una campagna sulla rete di ricerca: struttura, parole chiave, annunci, conversioni e la revisione di ogni settimana.",
        "en": "A search network campaign: structure, keywords, ads, conversions and the weekly review.",
    },
    "lessons": [
        {
            "key": "keywords-ads",
            "title": {"it": "Rete di ricerca: parole chiave e annunci", "en": "Search network: keywords and ads"},
            "body": {
                "it": """
Su Google gli annunci compaiono a chi **sta già cercando** quello che vendete: per una PMI di nicchia è spesso il modo più diretto di ricevere richieste.

### La struttura

**Account → campagne → gruppi di annunci → parole chiave e annunci.** Una campagna ha budget, area geografica, lingua e strategia di offerta; ogni gruppo di annunci raccoglie parole chiave di **un solo tema** (per esempio *valvole a sfera inox*) con annunci che parlano di quel tema.

### Le parole chiave

- **Corrispondenza generica** (`valvola sfera inox`): Google mostra l'annuncio anche per ricerche «correlate»; da usare solo con le conversioni misurate e molte parole chiave escluse.
- **Corrispondenza a frase** (`"valvola a sfera inox"`): la ricerca deve contenere il senso della frase.
- **Corrispondenza esatta** (`[valvola a sfera inox dn50]`): la ricerca ha lo stesso significato.

Le **parole chiave escluse** sono importanti quanto le altre: *gratis*, *usato*, *lavoro*, *fai da te*, *pdf*… Ogni clic di chi cercava altro è denaro perso.

### Gli annunci

Gli annunci adattabili hanno fino a **15 titoli** (30 caratteri) e **4 descrizioni** (90 caratteri): Google li combina. Scrivi titoli diversi fra loro: il prodotto, un vantaggio concreto, un dato (*consegna in 10 giorni*), un invito. Aggiungi gli **asset**: link ad altre pagine del sito, telefono, testi con i punti di forza.

### Dove porta il clic

Alla pagina **più vicina alla ricerca**, non alla home: se cercano valvole DN50, la pagina delle valvole DN50, con il modulo di contatto in vista.

### L'offerta

All'inizio *massimizza i clic* con un costo per clic massimo; quando arrivano abbastanza conversioni (qualche decina al mese), si può passare a *massimizza le conversioni*.
""",
                "en": """
On Google, ads appear to people **already searching** for what you sell: for a niche SME this is often the most direct way to receive enquiries.

### The structure

**Account → campaigns → ad groups → keywords and ads.** A campaign has a budget, an area, a language and a bidding strategy; each ad group gathers keywords of **one theme** (for instance *stainless ball valves*) with ads speaking about that theme.

### Keywords

- **Broad match** (`stainless ball valve`): Google shows the ad also for “related” searches; use it only with conversions measured and many negative keywords.
- **Phrase match** (`"stainless ball valve"`): the search must include the meaning of the phrase.
- **Exact match** (`[stainless ball valve dn50]`): the search has the same meaning.

**Negative keywords** matter as much as the others: *free*, *used*, *jobs*, *diy*, *pdf*… Every click from someone searching for something else is money lost.

### The ads

Responsive search ads have up to **15 headlines** (30 characters) and **4 descriptions** (90 characters): Google combines them. Write headlines that differ: the product, a concrete benefit, a figure (*delivered in 10 days*), a call to action. Add **assets**: links to other pages of the site, phone, texts with the strengths.

### Where the click leads

To the page **closest to the search**, not the home page: if they search for DN50 valves, the DN50 valves page, with the contact form in sight.

### Bidding

Start with *maximise clicks* with a maximum cost per click; once enough conversions arrive (a few dozen a month), you can switch to *maximise conversions*.
""",
            },
        },
        {
            "key": "weekly-review",
            "title": {"it": "Conversioni e revisione settimanale", "en": "Conversions and the weekly review"},
            "body": {
                "it": """
### Misurare le conversioni

Senza conversioni Google Ads ottimizza alla cieca. Una **conversione** è l'invio del modulo di contatto (la richiesta che arriva in Staffetta), un clic sul numero di telefono, il download di una scheda. Si impostano con il tag di Google o importandole da Analytics; chiedi aiuto all'agenzia la prima volta, e **prova** che funzionino inviando una richiesta.

### La revisione di ogni settimana (20 minuti)

1. **Termini di ricerca**: le ricerche vere che hanno mostrato l'annuncio. Aggiungi come parole escluse quelle che non c'entrano; aggiungi come parole chiave quelle buone che mancano.
2. **Parole chiave** che spendono senza portare conversioni da settimane: abbassa l'offerta o mettile in pausa.
3. **Annunci**: guarda quali titoli Google giudica migliori e sostituisci i peggiori.
4. **Budget**: la spesa del mese è in linea? Google può spendere fino al doppio del budget giornaliero in un giorno, ma non supera il mensile.

### Attenzione ai «consigli»

Google propone spesso di alzare il budget, allargare le corrispondenze o applicare modifiche automatiche. Alcuni sono utili, molti servono soprattutto a spendere di più. **Non attivare l'applicazione automatica dei consigli**; valutali uno per uno con il consulente.

### Il mese

Ogni mese confronta il **costo per conversione** con l'obiettivo e con gli altri canali, registra la spesa nel budget di Staffetta e scrivi una riga nel resoconto.
""",
                "en": """
### Measuring conversions

Without conversions Google Ads optimises blindly. A **conversion** is the contact form submission (the enquiry reaching Staffetta), a click on the phone number, a datasheet download. They are set up with the Google tag or imported from Analytics; ask the agency for help the first time, and **test** that they work by sending an enquiry.

### The weekly review (20 minutes)

1. **Search terms**: the real searches that showed the ad. Add the irrelevant ones as negative keywords; add the good ones missing as keywords.
2. **Keywords** spending without conversions for weeks: lower the bid or pause them.
3. **Ads**: see which headlines Google rates best and replace the worst.
4. **Budget**: is the month's spend on track? Google may spend up to twice the daily budget on one day, but does not exceed the monthly one.

### Beware of “recommendations”

Google often suggests raising the budget, broadening match types or applying automatic changes. Some are useful; many mostly serve to spend more. **Do not turn on auto-apply recommendations**; assess them one by one with the consultant.

### The month

Every month compare the **cost per conversion** with the target and with the other channels, record the spend in Staffetta's budget and write a line in the report.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "search-terms-review",
            "title": {"it": "Quattro revisioni settimanali", "en": "Four weekly reviews"},
            "instructions": {
                "it": """
Per **quattro settimane di fila** fai la revisione settimanale della campagna: termini di ricerca, parole escluse aggiunte, parole chiave in pausa, annunci cambiati, spesa. Annota ogni settimana cosa hai cambiato e perché, e alla fine il costo per conversione prima e dopo.

Come prova carica il registro delle quattro revisioni (o scrivilo in una nota).
""",
                "en": """
For **four weeks in a row** do the campaign's weekly review: search terms, negative keywords added, keywords paused, ads changed, spend. Note each week what you changed and why, and at the end the cost per conversion before and after.

As evidence, upload the log of the four reviews (or write it in a note).
""",
            },
        },
    ],
    "resources": [
        {"title": "Google Ads – Centro assistenza", "url": "https://support.google.com/google-ads/", "language": ""},
        {
            "title": "Google Skillshop – Certificazioni Google Ads",
            "url": "https://skillshop.withgoogle.com/",
            "language": "",
        },
    ],
}
