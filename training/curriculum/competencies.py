"""The competencies of the in-house digital manager, as the seed articles describe the role.

Codes are what handover items list (engagements/handover/defaults.py): keep them stable.
`levels` says what a level means for this competency where the general meaning is not enough.
"""


def _levels(l1, l2, l3, l4):
    return {str(n): {"it": it, "en": en} for n, (it, en) in enumerate((l1, l2, l3, l4), start=1)}


COMPETENCIES = [
    {
        "code": "product.knowledge",
        "area": "company",
        "name": {"it": "Conoscenza dei prodotti", "en": "Product knowledge"},
        "description": {
            "it": "Conosce i prodotti dell'azienda, i loro limiti, i problemi più frequenti dei clienti e i punti di forza, quanto basta per non dire sciocchezze a un cliente tecnico.",
            "en": "Knows the company's products, their limits, the customers' most common problems and the strengths, well enough never to mislead a technical customer.",
        },
        "levels": _levels(
            ("Sa quali sono le famiglie di prodotto.", "Knows the product families."),
            (
                "Risponde alle domande comuni con la scheda prodotti sotto mano.",
                "Answers common questions with the product sheet at hand.",
            ),
            (
                "Risponde da sola a limiti e problemi frequenti; sa quando passare a tecnici e produzione.",
                "Answers limits and common problems alone; knows when to pass to R&D or production.",
            ),
            (
                "Tiene aggiornata la scheda prodotti e la spiega ai nuovi colleghi.",
                "Keeps the product sheet up to date and explains it to new colleagues.",
            ),
        ),
    },
    {
        "code": "suppliers.briefing",
        "area": "company",
        "name": {"it": "Lavorare con agenzie e fornitori", "en": "Working with agencies and suppliers"},
        "description": {
            "it": "Scrive un brief chiaro all'agenzia web o al tipografo, confronta i preventivi e controlla il lavoro consegnato.",
            "en": "Writes a clear brief for the web agency or the printer, compares quotes and checks the delivered work.",
        },
    },
    {
        "code": "content.writing",
        "area": "writing",
        "name": {"it": "Scrivere per il web in italiano", "en": "Writing for the web in Italian"},
        "description": {
            "it": "Scrive testi chiari, corretti e adatti al canale: articoli, pagine, post, risposte ai clienti.",
            "en": "Writes clear, correct Italian suited to the channel: articles, pages, posts, replies to customers.",
        },
        "levels": _levels(
            (
                "Conosce le regole della scrittura per il web (titoli, paragrafi brevi, una idea per frase).",
                "Knows the rules of web writing (headlines, short paragraphs, one idea per sentence).",
            ),
            (
                "Scrive bozze che il consulente corregge ancora in modo sostanziale.",
                "Writes drafts that the consultant still corrects substantially.",
            ),
            (
                "Pubblica testi che passano l'approvazione senza richieste di modifica.",
                "Publishes texts that pass approval without changes requested.",
            ),
            (
                "Rivede i testi dei colleghi e mantiene la guida di stile dell'azienda.",
                "Reviews colleagues' texts and keeps the company's style guide.",
            ),
        ),
    },
    {
        "code": "language.english",
        "area": "writing",
        "name": {"it": "Inglese per i contatti dal web", "en": "English for web contacts"},
        "description": {
            "it": "Capisce le richieste in inglese e risponde in modo cortese, preciso e professionale.",
            "en": "Understands enquiries in English and answers politely, precisely and professionally.",
        },
    },
    {
        "code": "inbox.reply",
        "area": "enquiries",
        "name": {"it": "Rispondere alle richieste dal web", "en": "Answering web enquiries"},
        "description": {
            "it": "Risponde a ogni richiesta in fretta (entro 4 ore lavorative), con il tono giusto e la risposta giusta.",
            "en": "Answers every enquiry fast (within 4 business hours), in the right tone and with the right answer.",
        },
        "levels": _levels(
            (
                "Sa dove arrivano le richieste e quali sono i tempi attesi.",
                "Knows where enquiries arrive and the expected times.",
            ),
            (
                "Risponde alle richieste semplici; il consulente rivede quelle tecniche.",
                "Answers simple enquiries; the consultant reviews the technical ones.",
            ),
            (
                "Risponde da sola a quasi tutto, con una mediana sotto le 4 ore lavorative.",
                "Answers nearly everything alone, with a median under 4 business hours.",
            ),
            (
                "Scrive le risposte pronte e insegna ai colleghi come rispondere.",
                "Writes the canned replies and teaches colleagues how to answer.",
            ),
        ),
    },
    {
        "code": "inbox.routing",
        "area": "enquiries",
        "name": {"it": "Smistare le richieste in azienda", "en": "Routing enquiries inside the company"},
        "description": {
            "it": "Sa a chi passare una domanda (vendite, tecnici, produzione, amministrazione) e segue la risposta fino in fondo.",
            "en": "Knows whom to pass a question to (sales, R&D, production, administration) and follows the answer through.",
        },
    },
    {
        "code": "content.planning",
        "area": "content",
        "name": {"it": "Pianificare il calendario dei contenuti", "en": "Planning the content calendar"},
        "description": {
            "it": "Prepara il piano del mese: temi, canali, date, chi scrive e chi approva.",
            "en": "Prepares the month's plan: topics, channels, dates, who writes and who approves.",
        },
    },
    {
        "code": "social.publishing",
        "area": "content",
        "name": {"it": "Gestire gli account social", "en": "Managing the social accounts"},
        "description": {
            "it": "Sceglie i canali utili, cura le pagine aziendali, pubblica con regolarità.",
            "en": "Chooses the useful channels, looks after the company pages, publishes regularly.",
        },
    },
    {
        "code": "social.community",
        "area": "content",
        "name": {"it": "Rispondere a commenti e messaggi", "en": "Answering comments and messages"},
        "description": {
            "it": "Risponde a commenti e messaggi privati sui social con tempi e toni da azienda seria.",
            "en": "Answers comments and private messages on social media with the timing and tone of a serious company.",
        },
    },
    {
        "code": "images.editing",
        "area": "content",
        "name": {"it": "Sistemare le immagini", "en": "Editing images"},
        "description": {
            "it": "Ridimensiona, ritaglia, corregge una foto e ci mette un testo su una fascia trasparente.",
            "en": "Resizes, crops and corrects a photo and puts text on it over a transparent band.",
        },
    },
    {
        "code": "newsletter.sending",
        "area": "email",
        "name": {"it": "Preparare e inviare la newsletter", "en": "Preparing and sending the newsletter"},
        "description": {
            "it": "Scrive la newsletter, la prova, la invia alle liste giuste e legge i risultati.",
            "en": "Writes the newsletter, tests it, sends it to the right lists and reads the results.",
        },
    },
    {
        "code": "privacy.consent",
        "area": "email",
        "name": {"it": "Consenso e privacy", "en": "Consent and privacy"},
        "description": {
            "it": "Sa quando serve il consenso (newsletter, remarketing, cookie) e come conservarlo, secondo il GDPR.",
            "en": "Knows when consent is needed (newsletter, remarketing, cookies) and how to keep it, under the GDPR.",
        },
    },
    {
        "code": "website.editing",
        "area": "website",
        "name": {"it": "Aggiornare il sito WordPress", "en": "Updating the WordPress site"},
        "description": {
            "it": "Aggiorna pagine, news e download; gestisce plugin e widget senza rompere il sito.",
            "en": "Updates pages, news and downloads; manages plugins and widgets without breaking the site.",
        },
    },
    {
        "code": "website.code",
        "area": "website",
        "name": {"it": "HTML, CSS e snippet JavaScript", "en": "HTML, CSS and JavaScript snippets"},
        "description": {
            "it": "Legge e corregge un po' di HTML e CSS; inserisce uno snippet JavaScript nel punto giusto di una pagina.",
            "en": "Reads and fixes a little HTML and CSS; puts a JavaScript snippet in the right place of a page.",
        },
    },
    {
        "code": "seo.basics",
        "area": "website",
        "name": {"it": "Basi di SEO", "en": "SEO basics"},
        "description": {
            "it": "Sceglie le parole che i clienti cercano, cura titoli e descrizioni, controlla la Search Console.",
            "en": "Chooses the words customers search for, looks after titles and descriptions, checks Search Console.",
        },
    },
    {
        "code": "analytics.reading",
        "area": "results",
        "name": {"it": "Leggere le statistiche", "en": "Reading web analytics"},
        "description": {
            "it": "Legge Google Analytics: da dove arrivano le visite, cosa fanno, quante diventano richieste.",
            "en": "Reads Google Analytics: where visits come from, what they do, how many become enquiries.",
        },
    },
    {
        "code": "budget.reading",
        "area": "results",
        "name": {"it": "Budget e ritorno dell'investimento", "en": "Budgets and return on investment"},
        "description": {
            "it": "Gestisce piccoli budget in autonomia e ragiona sui risultati: costo per richiesta, ROI.",
            "en": "Manages small budgets alone and reasons on results: cost per enquiry, ROI.",
        },
        "levels": _levels(
            ("Sa cos'è il costo per richiesta.", "Knows what cost per enquiry means."),
            (
                "Registra le spese e calcola il costo per richiesta con il consulente.",
                "Records spends and works out the cost per enquiry with the consultant.",
            ),
            (
                "Spende da sola entro la soglia e spiega al titolare cosa ha reso.",
                "Spends alone within the threshold and explains to the owner what it returned.",
            ),
            (
                "Propone come ridistribuire il budget del mese dopo in base ai numeri.",
                "Proposes how to redistribute next month's budget from the figures.",
            ),
        ),
    },
    {
        "code": "ads.campaigns",
        "area": "ads",
        "name": {"it": "Campagne a pagamento sui social", "en": "Paid campaigns on social media"},
        "description": {
            "it": "Imposta e segue piccole campagne su Facebook, LinkedIn e X: obiettivo, pubblico, budget, annunci.",
            "en": "Sets up and follows small campaigns on Facebook, LinkedIn and X: objective, audience, budget, ads.",
        },
    },
    {
        "code": "ads.search",
        "area": "ads",
        "name": {"it": "Google Ads", "en": "Google Ads"},
        "description": {
            "it": "Gestisce una campagna sulla rete di ricerca: parole chiave, annunci, conversioni, costo.",
            "en": "Runs a search campaign: keywords, ads, conversions, cost.",
        },
    },
    {
        "code": "ads.remarketing",
        "area": "ads",
        "name": {"it": "Remarketing", "en": "Remarketing"},
        "description": {
            "it": "Crea pubblici di chi ha già visitato il sito e mostra loro annunci pertinenti, con il consenso.",
            "en": "Builds audiences of past site visitors and shows them relevant ads, with consent.",
        },
    },
    {
        "code": "ads.shopping",
        "area": "ads",
        "name": {"it": "Google Merchant Center", "en": "Google Merchant Center"},
        "description": {
            "it": "Tiene in ordine il feed prodotti nel Merchant Center e risolve gli errori segnalati.",
            "en": "Keeps the product feed in Merchant Center tidy and fixes the reported errors.",
        },
    },
]
