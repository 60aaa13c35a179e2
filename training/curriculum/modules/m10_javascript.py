MODULE = {
    "code": "javascript-snippet",
    "hours": 3,
    "competencies": ["website.code", "privacy.consent"],
    "title": {"it": "Inserire uno snippet JavaScript in una pagina", "en": "Inserting a JavaScript snippet in a page"},
    "summary": {
        "it": "Statistiche, chat, pixel pubblicitari, moduli: dove si incolla un codice JavaScript, come si controlla che funzioni e quando serve il consenso.",
        "en": "Analytics, chat, ad pixels, forms: where a JavaScript snippet goes, how to check it works and when consent is needed.",
    },
    "lessons": [
        {
            "key": "snippet",
            "title": {"it": "Dove, come e con quale consenso", "en": "Where, how and with which consent"},
            "body": {
                "it": """
Molti servizi si collegano al sito con uno **snippet**: poche righe di JavaScript da incollare nelle pagine. Il tag di Google Analytics, il pixel di Meta o di LinkedIn, la chat e il modulo di contatto di Staffetta funzionano tutti così.

### Dove va

Le istruzioni del servizio dicono dove: nella sezione **`<head>`** della pagina (di solito i tag di statistiche) oppure **prima della chiusura di `</body>`** (di solito i widget come la chat). Uno snippet può valere per tutto il sito o per una sola pagina.

### Come si inserisce in WordPress

- Con un plugin per gli snippet (per esempio *WPCode*) o con le impostazioni del tema che prevedono un campo per il codice nell'intestazione o nel piè di pagina.
- Con **Google Tag Manager**, se l'azienda lo usa: lo snippet si aggiunge lì come *tag*, senza toccare il sito.
- Per una sola pagina: il blocco **HTML personalizzato** nell'editor.

Non incollare mai uno snippet in un blocco di testo normale: verrebbe mostrato come testo. E non modificare i file del tema: al prossimo aggiornamento sparirebbe.

### Il consenso

Gli snippet che **tracciano** le persone (statistiche non anonimizzate, pixel pubblicitari, remarketing) possono partire solo **dopo il consenso** dato nel banner dei cookie. Verifica che lo strumento dei cookie li blocchi finché il visitatore non accetta; con Google si usa la *Consent Mode*.

### Controllare che funzioni

1. Apri la pagina in una finestra anonima e accetta (o rifiuta) i cookie.
2. Tasto destro → **Visualizza sorgente**: cerca un pezzo dello snippet.
3. Apri gli strumenti per sviluppatori (F12) → **Console**: non devono comparire errori in rosso.
4. Verifica nel servizio che i dati arrivino (per il modulo Staffetta: una richiesta di prova nella casella).

### Il registro degli snippet

Tieni un elenco di tutti gli snippet installati: cosa fanno, dove sono, chi li ha messi, quando. Quello che non serve più si toglie.
""",
                "en": """
Many services connect to the website through a **snippet**: a few lines of JavaScript to paste into the pages. The Google Analytics tag, the Meta or LinkedIn pixel, Staffetta's chat and contact form all work this way.

### Where it goes

The service's instructions say where: in the page's **`<head>`** section (usually analytics tags) or **just before the closing `</body>`** (usually widgets such as the chat). A snippet may apply to the whole site or to a single page.

### How to insert it in WordPress

- With a snippets plugin (for instance *WPCode*) or with the theme settings that offer a field for header or footer code.
- With **Google Tag Manager**, if the company uses it: the snippet is added there as a *tag*, without touching the site.
- For a single page: the **Custom HTML** block in the editor.

Never paste a snippet into a normal text block: it would be shown as text. And do not edit the theme's files: the next update would wipe it out.

### Consent

Snippets that **track** people (non-anonymised analytics, ad pixels, remarketing) may run only **after consent** is given in the cookie banner. Check that the cookie tool blocks them until the visitor accepts; with Google, *Consent Mode* is used.

### Checking it works

1. Open the page in a private window and accept (or refuse) the cookies.
2. Right click → **View page source**: look for a piece of the snippet.
3. Open the developer tools (F12) → **Console**: there must be no errors in red.
4. Check in the service that data arrives (for the Staffetta form: a test enquiry in the inbox).

### The snippet register

Keep a list of every snippet installed: what it does, where it is, who put it there, when. Whatever is no longer needed is removed.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "staffetta-form",
            "title": {"it": "Installa il modulo di Staffetta", "en": "Install Staffetta's form"},
            "instructions": {
                "it": """
Copia lo snippet del modulo di contatto dalla pagina **Canali** della casella di Staffetta e inseriscilo nella pagina *Contatti* del sito (o in una pagina di prova). Invia una richiesta di prova e controlla che arrivi nella casella.

Come prova aggiungi il link alla pagina e scegli la conversazione di prova tra le richieste, dopo averle risposto. Aggiungi il registro degli snippet come nota o file.
""",
                "en": """
Copy the contact form snippet from the **Channels** page of Staffetta's inbox and insert it in the website's *Contact* page (or in a test page). Send a test enquiry and check that it reaches the inbox.

As evidence, add the link to the page and pick the test conversation among the enquiries, after replying to it. Add the snippet register as a note or a file.
""",
            },
        },
    ],
    "resources": [
        {"title": "Google Tag Manager – Guida", "url": "https://support.google.com/tagmanager/", "language": ""},
        {
            "title": "Google – Consent Mode",
            "url": "https://developers.google.com/tag-platform/security/guides/consent",
            "language": "en",
        },
        {"title": "Garante privacy – Cookie", "url": "https://www.garanteprivacy.it/temi/cookie", "language": "it"},
    ],
}
