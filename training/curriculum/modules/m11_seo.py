MODULE = {
    "code": "seo-basics",
    "hours": 6,
    "competencies": ["seo.basics", "content.writing"],
    "title": {"it": "Basi di SEO", "en": "SEO basics"},
    "summary": {
        "it": "Farsi trovare da chi cerca quello che l'azienda fa: parole dei clienti, pagine chiare, Search Console ogni mese.",
        "en": "Being found by people searching for what the company does: customers' words, clear pages, Search Console every month.",
    },
    "lessons": [
        {
            "key": "how-customers-search",
            "title": {"it": "Come cercano i tuoi clienti", "en": "How your customers search"},
            "body": {
                "it": """
La SEO (*ottimizzazione per i motori di ricerca*) per una PMI di nicchia non è una gara per parole generiche: è farsi trovare da **poche persone molto interessate** che cercano esattamente quello che l'azienda fa.

### Le parole dei clienti, non le vostre

In azienda si dice *«VS-316/50»*; il cliente cerca *«valvola a sfera inox 316 DN50»*. Per scoprire le parole giuste:

- le **query** che portano già visite al sito, in Google Search Console;
- i **suggerimenti** di Google mentre scrivi e le domande di *«Le persone hanno chiesto anche»*;
- le **richieste** arrivate in Staffetta: le parole con cui i clienti descrivono il loro problema;
- lo **strumento di pianificazione delle parole chiave** di Google Ads, per i volumi indicativi.

Le ricerche lunghe e precise (*coda lunga*) hanno pochi volumi ma portano richieste vere.

### Una pagina, un argomento

Ogni pagina risponde a **una ricerca principale**. Poi:

- **titolo della pagina** (il *title*, quello che appare su Google): circa 60 caratteri, con la parola principale all'inizio e il nome dell'azienda alla fine;
- **meta description**: circa 155 caratteri che invogliano a cliccare; non conta per la posizione ma conta per i clic;
- un solo **H1** chiaro, sottotitoli che seguono la logica del testo;
- un **indirizzo** breve e leggibile (*/valvole-sfera-inox/*);
- **collegamenti interni** dalle pagine vicine, con testi del link che dicono dove portano;
- immagini con **testo alternativo**.

Soprattutto: un contenuto **utile**, scritto per chi legge. Google premia le pagine che rispondono davvero.
""",
                "en": """
SEO (*search engine optimisation*) for a niche SME is not a race for generic words: it is being found by **a few, very interested people** searching exactly for what the company does.

### The customers' words, not yours

Inside the company people say *“VS-316/50”*; the customer searches for *“stainless ball valve 316 DN50”*. To find the right words:

- the **queries** already bringing visits to the site, in Google Search Console;
- Google's **suggestions** as you type and the *“People also ask”* questions;
- the **enquiries** in Staffetta: the words customers use to describe their problem;
- Google Ads' **keyword planner**, for indicative volumes.

Long and precise searches (the *long tail*) have small volumes but bring real enquiries.

### One page, one topic

Each page answers **one main search**. Then:

- **page title** (the *title*, shown on Google): about 60 characters, with the main words first and the company name last;
- **meta description**: about 155 characters inviting the click; it does not affect ranking but it affects clicks;
- a single clear **H1**, subheadings following the text's logic;
- a short, readable **address** (*/stainless-ball-valves/*);
- **internal links** from related pages, with link texts saying where they lead;
- images with **alternative text**.

Above all: **useful** content, written for the reader. Google rewards pages that really answer.
""",
            },
        },
        {
            "key": "search-console",
            "title": {"it": "Search Console e i controlli del mese", "en": "Search Console and the monthly checks"},
            "body": {
                "it": """
**Google Search Console** è gratuita e dice come Google vede il sito. Se non è ancora collegata, chiedi all'agenzia di verificare il dominio e di inviare la **sitemap**.

### I rapporti da conoscere

- **Rendimento**: clic, impressioni (quante volte il sito è apparso), CTR (clic diviso impressioni) e posizione media, per query e per pagina.
- **Pagine** (indicizzazione): quali pagine sono su Google e quali no, e perché.
- **Esperienza**: velocità e usabilità su telefono; i problemi gravi si passano all'agenzia.

### La routine del mese (30 minuti)

1. Guarda le **10 query** con più impressioni: corrispondono a quello che vendete?
2. Cerca le pagine con **molte impressioni e CTR basso**: il titolo o la descrizione non convincono. Riscrivili e annota la data.
3. Controlla che le **pagine nuove** siano indicizzate; se no, richiedi l'indicizzazione.
4. Confronta con il mese prima e scrivi una riga nel resoconto.

### La scheda dell'azienda su Google

Per chi cerca l'azienda per nome o nella zona conta il **Profilo dell'attività su Google**: indirizzo, orari, telefono, foto, categorie giuste, risposte alle recensioni.

### Cosa non fare

Non comprare link, non riempire le pagine di parole chiave ripetute, non copiare testi da altri siti: nel migliore dei casi non serve, nel peggiore il sito viene penalizzato.
""",
                "en": """
**Google Search Console** is free and tells how Google sees the site. If it is not connected yet, ask the agency to verify the domain and submit the **sitemap**.

### The reports to know

- **Performance**: clicks, impressions (how many times the site appeared), CTR (clicks divided by impressions) and average position, per query and per page.
- **Pages** (indexing): which pages are on Google and which are not, and why.
- **Experience**: speed and usability on phones; serious problems go to the agency.

### The monthly routine (30 minutes)

1. Look at the **10 queries** with the most impressions: do they match what you sell?
2. Find the pages with **many impressions and a low CTR**: the title or description does not convince. Rewrite them and note the date.
3. Check that **new pages** are indexed; if not, request indexing.
4. Compare with the month before and write one line in the report.

### The company's profile on Google

For people searching the company by name or in the area, the **Google Business Profile** matters: address, opening hours, phone, photos, the right categories, replies to reviews.

### What not to do

Do not buy links, do not stuff pages with repeated keywords, do not copy texts from other sites: at best it does not help, at worst the site is penalised.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "three-pages",
            "title": {
                "it": "Migliora tre pagine dalla Search Console",
                "en": "Improve three pages from Search Console",
            },
            "instructions": {
                "it": """
In Search Console trova **tre pagine** con molte impressioni e CTR basso negli ultimi 3 mesi. Riscrivi titolo e meta description di ciascuna (e il primo paragrafo, se serve). Annota per ogni pagina: query principale, titolo prima e dopo, CTR prima. Dopo quattro settimane aggiungi il CTR dopo.

Come prova aggiungi i link alle tre pagine e una nota (o un file) con la tabella prima/dopo.
""",
                "en": """
In Search Console find **three pages** with many impressions and a low CTR over the last 3 months. Rewrite the title and meta description of each (and the first paragraph, if needed). Note for each page: main query, title before and after, CTR before. After four weeks add the CTR after.

As evidence, add the links to the three pages and a note (or a file) with the before/after table.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Google Search Central – Guida introduttiva alla SEO",
            "url": "https://developers.google.com/search/docs/fundamentals/seo-starter-guide?hl=it",
            "language": "it",
        },
        {"title": "Google Search Console", "url": "https://search.google.com/search-console/about", "language": ""},
        {
            "title": "Profilo dell'attività su Google",
            "url": "https://www.google.com/intl/it_it/business/",
            "language": "it",
        },
    ],
}
