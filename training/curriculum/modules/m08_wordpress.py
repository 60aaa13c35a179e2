MODULE = {
    "code": "wordpress",
    "hours": 6,
    "competencies": ["website.editing", "suppliers.briefing"],
    "title": {"it": "WordPress: plugin e widget", "en": "WordPress: plugins and widgets"},
    "summary": {
        "it": "Aggiornare pagine e articoli, scegliere e mantenere i plugin, usare i widget; e sapere quando chiamare l'agenzia, con un brief chiaro.",
        "en": "Updating pages and posts, choosing and maintaining plugins, using widgets; and knowing when to call the agency, with a clear brief.",
    },
    "lessons": [
        {
            "key": "pages-plugins-widgets",
            "title": {"it": "Pagine, articoli, plugin e widget", "en": "Pages, posts, plugins and widgets"},
            "body": {
                "it": """
La maggior parte dei siti delle PMI gira su **WordPress**. Per il lavoro di tutti i giorni bastano pochi concetti.

### Pagine e articoli

Le **pagine** sono i contenuti stabili (prodotti, azienda, contatti); gli **articoli** sono le notizie del blog, in ordine di data. Entrambi si scrivono con l'**editor a blocchi**: ogni paragrafo, titolo, immagine o tabella è un blocco. Le immagini si caricano nella **libreria media**, già ridimensionate e con il testo alternativo. I **menu** si cambiano da *Aspetto → Menu* (o dall'editor del sito nei temi a blocchi).

### I plugin

Un plugin aggiunge una funzione: un modulo di contatto, la SEO, le traduzioni, la cache. Regole d'oro:

- **Pochi e ben tenuti**: prima di installarne uno guarda quando è stato aggiornato l'ultima volta, quante installazioni attive ha e se è compatibile con la versione di WordPress.
- **Mai due plugin che fanno la stessa cosa.**
- **Aggiornamenti**: WordPress, tema e plugin vanno aggiornati, ma **dopo un backup** e, se l'agenzia ha predisposto un sito di prova (*staging*), prima lì.
- Un plugin che non si usa più si **disattiva e si elimina**.

### I widget

I widget (nei temi recenti, *blocchi* di barra laterale e piè di pagina) mostrano in ogni pagina piccoli elementi: contatti, ultimi articoli, iscrizione alla newsletter. Si gestiscono da *Aspetto → Widget*.

### Il tuo utente

Per il lavoro quotidiano usa un utente con ruolo **Editore**, non Amministratore: se sbagli, sbagli meno.
""",
                "en": """
Most SME websites run on **WordPress**. For everyday work a few concepts are enough.

### Pages and posts

**Pages** are the stable content (products, company, contacts); **posts** are the blog's news, by date. Both are written with the **block editor**: each paragraph, heading, image or table is a block. Images go into the **media library**, already resized and with their alternative text. **Menus** are changed from *Appearance → Menus* (or from the site editor in block themes).

### Plugins

A plugin adds a function: a contact form, SEO, translations, caching. Golden rules:

- **Few and well kept**: before installing one, check when it was last updated, how many active installations it has and whether it is compatible with your WordPress version.
- **Never two plugins doing the same thing.**
- **Updates**: WordPress, theme and plugins must be updated, but **after a backup** and, if the agency has set up a test site (*staging*), there first.
- A plugin no longer used is **deactivated and deleted**.

### Widgets

Widgets (in recent themes, sidebar and footer *blocks*) show small elements on every page: contacts, latest posts, newsletter sign-up. They are managed from *Appearance → Widgets*.

### Your user

For daily work use a user with the **Editor** role, not Administrator: if you make a mistake, it is a smaller one.
""",
            },
        },
        {
            "key": "agency-brief",
            "title": {
                "it": "Quando chiamare l'agenzia, e come scriverle",
                "en": "When to call the agency, and how to write to it",
            },
            "body": {
                "it": """
Il digital manager interno non sostituisce l'agenzia web: la **usa meglio**. Aggiornare testi, immagini, news e download è lavoro tuo; cambiare il tema, scrivere codice su misura, risolvere problemi di velocità o sicurezza è lavoro dell'agenzia.

### Un buon brief

Un brief chiaro fa risparmiare giorni di email e soldi di preventivo. Scrivi sempre:

1. **L'obiettivo**: perché serve la modifica (*«i clienti esteri non trovano il modulo in inglese»*).
2. **Dove**: l'indirizzo della pagina, uno screenshot di com'è adesso.
3. **Cosa vuoi**: com'è fatto il risultato, con un esempio di un altro sito se aiuta.
4. **Cosa non deve cambiare.**
5. **Scadenza** e **chi approva** dalla vostra parte.
6. **Budget** indicativo, se c'è.

### Leggere un preventivo

Confronta i preventivi sulla **stessa richiesta**: ore previste, cosa è incluso (test, prove sul telefono, formazione), cosa è escluso, costi ricorrenti (manutenzione, licenze). Diffida di chi non fa domande.

### Controllare il lavoro consegnato

Prova la modifica **su telefono e computer**, su due browser; compila i moduli e controlla che la richiesta arrivi in Staffetta; verifica che il resto del sito funzioni ancora. Poi conferma per iscritto, o elenca con precisione cosa manca.
""",
                "en": """
The in-house digital manager does not replace the web agency: they **use it better**. Updating texts, images, news and downloads is your job; changing the theme, writing custom code, fixing speed or security problems is the agency's.

### A good brief

A clear brief saves days of email and money on the quote. Always write:

1. **The goal**: why the change is needed (*“foreign customers cannot find the form in English”*).
2. **Where**: the page's address, a screenshot of how it is now.
3. **What you want**: what the result looks like, with an example from another site if it helps.
4. **What must not change.**
5. **Deadline** and **who approves** on your side.
6. Indicative **budget**, if there is one.

### Reading a quote

Compare quotes for **the same request**: expected hours, what is included (testing, checks on phones, training), what is excluded, recurring costs (maintenance, licences). Be wary of anyone who asks no questions.

### Checking the delivered work

Try the change **on phone and computer**, in two browsers; fill in the forms and check that the enquiry reaches Staffetta; check that the rest of the site still works. Then confirm in writing, or list precisely what is missing.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "update-and-brief",
            "title": {"it": "Aggiorna una pagina e scrivi un brief", "en": "Update a page and write a brief"},
            "instructions": {
                "it": """
1. **Aggiorna da sola** una pagina del sito (testo, immagini con testo alternativo, un download) e aggiungi il link come prova.
2. Scrivi all'agenzia il **brief** di una piccola modifica che non puoi fare da sola, con tutti i punti della lezione. Caricalo come file o incollalo in una nota.
""",
                "en": """
1. **Update on your own** a page of the website (text, images with alternative text, a download) and add its link as evidence.
2. Write the agency the **brief** for a small change you cannot make yourself, with every point of the lesson. Upload it as a file or paste it in a note.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "WordPress – Gestire i plugin",
            "url": "https://wordpress.org/documentation/article/manage-plugins/",
            "language": "en",
        },
        {
            "title": "WordPress – Gestire i widget",
            "url": "https://wordpress.org/documentation/article/manage-wordpress-widgets/",
            "language": "en",
        },
        {
            "title": "WordPress – Ruoli e permessi",
            "url": "https://wordpress.org/documentation/article/roles-and-capabilities/",
            "language": "en",
        },
    ],
}
