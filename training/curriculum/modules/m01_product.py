MODULE = {
    "code": "product-knowledge",
    "hours": 6,
    "competencies": ["product.knowledge", "inbox.routing"],
    "title": {"it": "Conoscere i prodotti", "en": "Knowing the products"},
    "summary": {
        "it": "Prodotti, limiti, problemi più frequenti e punti di forza: quello che serve per rispondere a un cliente tecnico senza dire sciocchezze.",
        "en": "Products, limits, most common problems and strengths: what you need to answer a technical customer without saying anything wrong.",
    },
    "lessons": [
        {
            "key": "what-we-sell",
            "title": {
                "it": "Cosa vendiamo, a chi, e perché ci scelgono",
                "en": "What we sell, to whom, and why they choose us",
            },
            "body": {
                "it": """
Chi scrive all'azienda dal sito spesso ne sa più di te sul proprio problema, ma meno di te sui nostri prodotti. Il tuo compito non è diventare un tecnico: è sapere **abbastanza** per rispondere bene alle domande comuni e capire subito quando una domanda va passata a chi ne sa di più.

### Da dove imparare

- **Il catalogo e le schede tecniche**: leggili per intero almeno una volta, segnando le parole che non conosci.
- **I commerciali**: chiedi quali sono le tre domande che si sentono fare più spesso, e cosa rispondono.
- **Ricerca e sviluppo e produzione**: chiedi mezz'ora a testa. Chiedi cosa *non* sa fare il prodotto, più che cosa sa fare.
- **Lo storico delle richieste**: in Staffetta trovi le conversazioni degli ultimi mesi; leggine venti, di fila.

### La scheda prodotti

Per ogni famiglia di prodotti scrivi una pagina con:

1. **Cos'è** in due righe, con parole che capirebbe un cliente.
2. **Chi lo compra** e per quali applicazioni tipiche.
3. **I dati che contano** (misure, materiali, pressioni, temperature, certificazioni).
4. **I limiti**: cosa non fa, quantità minime, tempi di consegna, personalizzazioni non possibili.
5. **I punti di forza** rispetto ai concorrenti, con un esempio concreto per ciascuno.

Tienila corta: una pagina per famiglia. La rileggerai ogni volta che una richiesta ti mette in dubbio.
""",
                "en": """
People who write to the company from the website often know more than you about their own problem, but less than you about our products. Your job is not to become an engineer: it is to know **enough** to answer common questions well and to see at once when a question must go to someone who knows more.

### Where to learn

- **The catalogue and the datasheets**: read them in full at least once, noting the words you do not know.
- **The sales people**: ask for the three questions they hear most often, and what they answer.
- **R&D and production**: ask for half an hour each. Ask what the product *cannot* do rather than what it can.
- **The history of enquiries**: Staffetta holds the last months' conversations; read twenty of them in a row.

### The product sheet

For each product family write one page with:

1. **What it is** in two lines, in words a customer would understand.
2. **Who buys it** and for which typical applications.
3. **The figures that matter** (sizes, materials, pressures, temperatures, certifications).
4. **The limits**: what it does not do, minimum quantities, lead times, customisations that are not possible.
5. **The strengths** compared with competitors, with a concrete example for each.

Keep it short: one page per family. You will read it again every time an enquiry leaves you in doubt.
""",
            },
        },
        {
            "key": "limits-and-problems",
            "title": {"it": "Limiti e problemi più frequenti", "en": "Limits and most common problems"},
            "body": {
                "it": """
I clienti scrivono soprattutto quando qualcosa non va o quando non sono sicuri che il prodotto faccia al caso loro. Conoscere i **problemi più diffusi** vale più di conoscere tutte le caratteristiche.

### Raccogli le domande vere

Dallo storico delle richieste e dai commerciali, elenca le domande che tornano: compatibilità, ricambi, tempi, montaggio, garanzia, differenze tra due modelli. Per ciascuna scrivi **la risposta breve** e fattela confermare da chi è responsabile (tecnico o commerciale). Le risposte confermate diventano le *risposte pronte* di Staffetta.

### Dire un limite senza perdere il cliente

Un limite detto subito e con chiarezza fa guadagnare fiducia. Invece di *«non è possibile»*, scrivi cosa è possibile: *«Il modello standard arriva a 40 bar; per 60 bar esiste la versione rinforzata, le mando la scheda.»*

### Quando non rispondere da sola

Passa sempre a un collega (e dillo al cliente, con i tempi):

- **prezzi e sconti** non a listino, offerte, condizioni di pagamento → vendite;
- **disegni, materiali speciali, prove** → ricerca e sviluppo;
- **ordini in corso, consegne, reclami su un lotto** → produzione o logistica;
- **fatture e pagamenti** → amministrazione.

Non inventare mai un dato tecnico. *«Verifico con il nostro ufficio tecnico e le rispondo entro domani»* è una risposta ottima.
""",
                "en": """
Customers write mostly when something goes wrong or when they are not sure the product fits their case. Knowing the **most common problems** is worth more than knowing every feature.

### Collect the real questions

From the history of enquiries and from sales, list the questions that keep coming back: compatibility, spare parts, lead times, installation, warranty, differences between two models. For each write **the short answer** and have it confirmed by whoever is responsible (engineer or sales). Confirmed answers become Staffetta's *canned replies*.

### Stating a limit without losing the customer

A limit stated at once and clearly earns trust. Instead of *“it is not possible”*, write what is possible: *“The standard model goes up to 40 bar; for 60 bar there is the reinforced version, I am sending you its datasheet.”*

### When not to answer alone

Always pass to a colleague (and tell the customer, with a time frame):

- **prices and discounts** outside the price list, quotes, payment terms → sales;
- **drawings, special materials, tests** → R&D;
- **orders in progress, deliveries, complaints about a batch** → production or logistics;
- **invoices and payments** → administration.

Never make up a technical figure. *“I will check with our technical office and get back to you by tomorrow”* is an excellent answer.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "product-sheet",
            "title": {"it": "Scrivi la scheda prodotti", "en": "Write the product sheet"},
            "instructions": {
                "it": """
Scrivi la scheda prodotti per **le due famiglie che ricevono più richieste**: per ciascuna cos'è, chi la compra, i dati che contano, **cinque limiti** e **cinque punti di forza**. Aggiungi **dieci domande frequenti** con la risposta breve, confermate da un tecnico o da un commerciale (scrivi chi le ha confermate).

Come prova carica il documento (PDF o Word) oppure il link alla cartella condivisa.
""",
                "en": """
Write the product sheet for **the two families that receive the most enquiries**: for each, what it is, who buys it, the figures that matter, **five limits** and **five strengths**. Add **ten frequent questions** with their short answer, confirmed by an engineer or a sales person (write who confirmed them).

As evidence, upload the document (PDF or Word) or the link to the shared folder.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Google Search Central – Creare contenuti utili e affidabili",
            "url": "https://developers.google.com/search/docs/fundamentals/creating-helpful-content?hl=it",
            "language": "it",
        },
    ],
}
