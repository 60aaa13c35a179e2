MODULE = {
    "code": "merchant-center",
    "hours": 4,
    "competencies": ["ads.shopping"],
    "title": {"it": "Google Merchant Center", "en": "Google Merchant Center"},
    "summary": {
        "it": "Mostrare i prodotti su Google con schede gratuite o a pagamento: cosa serve nel feed, come si leggono gli errori, quando ha senso per un'azienda B2B.",
        "en": "Showing products on Google with free or paid listings: what the feed needs, how to read the errors, when it makes sense for a B2B company.",
    },
    "lessons": [
        {
            "key": "feed",
            "title": {"it": "Il feed prodotti e la diagnostica", "en": "The product feed and diagnostics"},
            "body": {
                "it": """
**Google Merchant Center** è il posto dove l'azienda carica l'elenco dei suoi prodotti perché compaiano su Google: nella scheda *Shopping*, nelle **schede gratuite** e, con Google Ads, negli **annunci Shopping** con foto e prezzo.

### Ha senso per noi?

Merchant Center vuole **prodotti con un prezzo** e un sito dove si possono comprare o almeno ordinare. Per un'azienda che vende solo su offerta, a prezzi riservati, di solito non è il canale giusto; per i ricambi, i consumabili e i prodotti a catalogo venduti online può portare clienti nuovi. Decidilo con il titolare prima di lavorarci.

### Il feed

Ogni prodotto è una riga con questi dati (gli *attributi*):

| Attributo | Cosa contiene |
|---|---|
| `id` | il codice articolo, unico e stabile |
| `title` | tipo di prodotto, marca, caratteristiche principali (misura, materiale) |
| `description` | descrizione vera, senza testo promozionale in maiuscolo |
| `link` | la pagina del prodotto sul sito |
| `image_link` | una foto su fondo neutro, senza scritte né loghi sovrapposti |
| `price` e `availability` | uguali a quelli mostrati sul sito |
| `brand`, `gtin` o `mpn` | marca e codici del produttore |
| `condition` | nuovo, ricondizionato, usato |

Il feed si carica da un **Foglio Google**, da un plugin del negozio online (per esempio WooCommerce) o automaticamente dall'agenzia.

### La diagnostica

La pagina **Prodotti → Diagnostica** elenca i problemi: *errori* (il prodotto non compare), *avvisi* (compare peggio). I più comuni: prezzo diverso da quello del sito, immagine non valida, GTIN mancante o sbagliato, pagina non raggiungibile, informazioni su spedizione e resi mancanti. Si correggono nella fonte del feed, non in Merchant Center; dopo la correzione la verifica richiede qualche giorno.

### Le regole

Il sito deve mostrare contatti, condizioni di vendita, spedizioni e resi. Merchant Center sospende gli account con informazioni poco chiare: meglio controllarlo ogni settimana.
""",
                "en": """
**Google Merchant Center** is where the company uploads the list of its products so they appear on Google: in the *Shopping* tab, in the **free listings** and, with Google Ads, in **Shopping ads** with picture and price.

### Does it make sense for us?

Merchant Center wants **products with a price** and a site where they can be bought, or at least ordered. For a company selling only on quotation, at reserved prices, it is usually not the right channel; for spare parts, consumables and catalogue products sold online it can bring new customers. Decide with the owner before working on it.

### The feed

Each product is a row with these data (the *attributes*):

| Attribute | What it holds |
|---|---|
| `id` | the article code, unique and stable |
| `title` | product type, brand, main features (size, material) |
| `description` | a real description, without promotional text in capitals |
| `link` | the product's page on the site |
| `image_link` | a photo on a neutral background, without text or logos on it |
| `price` and `availability` | the same as shown on the site |
| `brand`, `gtin` or `mpn` | brand and manufacturer codes |
| `condition` | new, refurbished, used |

The feed is loaded from a **Google Sheet**, from an online shop plugin (for instance WooCommerce) or automatically by the agency.

### Diagnostics

The **Products → Diagnostics** page lists the problems: *errors* (the product does not show) and *warnings* (it shows worse). The most common: price different from the site's, invalid image, missing or wrong GTIN, page not reachable, missing shipping and returns information. They are fixed at the feed's source, not in Merchant Center; after the fix, the check takes a few days.

### The rules

The site must show contacts, terms of sale, shipping and returns. Merchant Center suspends accounts with unclear information: better check it every week.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "diagnostics",
            "title": {"it": "Diagnostica o valutazione", "en": "Diagnostics or assessment"},
            "instructions": {
                "it": """
Se l'azienda usa Merchant Center: apri la **diagnostica**, correggi alla fonte i tre problemi che colpiscono più prodotti e annota cosa hai fatto; dopo una settimana controlla che siano spariti.

Se non lo usa: scrivi una **valutazione di una pagina** per il titolare — quali prodotti potrebbero andarci, con quali prezzi, cosa manca sul sito (spedizioni, resi, schede) e una raccomandazione.

Come prova aggiungi una nota o carica il documento.
""",
                "en": """
If the company uses Merchant Center: open **diagnostics**, fix at the source the three problems affecting the most products and note what you did; after a week check that they are gone.

If it does not: write a **one-page assessment** for the owner — which products could go there, at which prices, what the website lacks (shipping, returns, product pages) and a recommendation.

As evidence, add a note or upload the document.
""",
            },
        },
    ],
    "resources": [
        {"title": "Google Merchant Center – Guida", "url": "https://support.google.com/merchants/", "language": ""},
        {
            "title": "Specifiche dei dati di prodotto",
            "url": "https://support.google.com/merchants/answer/7052112",
            "language": "",
        },
    ],
}
