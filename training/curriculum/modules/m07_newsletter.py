MODULE = {
    "code": "newsletter",
    "hours": 6,
    "competencies": ["newsletter.sending", "privacy.consent", "content.writing"],
    "title": {"it": "La newsletter", "en": "The newsletter"},
    "summary": {
        "it": "Liste con il consenso giusto, un contenuto che vale l'apertura, prove prima dell'invio e risultati letti con onestà.",
        "en": "Lists with the right consent, content worth opening, tests before sending and results read honestly.",
    },
    "lessons": [
        {
            "key": "lists-consent-content",
            "title": {"it": "Liste, consenso e contenuti", "en": "Lists, consent and content"},
            "body": {
                "it": """
La newsletter è il canale che l'azienda **possiede**: nessun algoritmo decide chi la vede. Proprio per questo va trattata con cura, a partire da chi la riceve.

### Chi può riceverla

- Chi si è iscritto con il **doppio consenso** (*double opt-in*): compila il modulo, riceve un'email, conferma con un clic. La conferma si conserva, con data e ora.
- I **clienti** a cui l'azienda ha già venduto possono ricevere comunicazioni su prodotti simili a quelli acquistati anche senza iscrizione, purché sia stato detto loro al momento della vendita e possano opporsi in ogni momento (il cosiddetto *soft spam* del Codice privacy). Nel dubbio, chiedi il consenso.
- **Mai** liste comprate o indirizzi raccolti dai biglietti da visita di una fiera senza consenso.

Ogni email ha il **link per disiscriversi**, che funziona con un clic. Chi si disiscrive non si reinserisce.

### Cosa scrivere

Una newsletter B2B mensile funziona con **una notizia principale** e due o tre notizie brevi: un prodotto nuovo, un caso di un cliente, una fiera, un consiglio tecnico. Ogni notizia ha un link alla pagina del sito che ne parla.

### Oggetto, anteprima, mittente

L'**oggetto** dice cosa c'è dentro, in meno di 50 caratteri (*«Nuove valvole DN65 e le date di MECSPE»*). Il **testo di anteprima** lo completa. Il **mittente** è una persona dell'azienda o l'azienda stessa, sempre lo stesso.
""",
                "en": """
The newsletter is the channel the company **owns**: no algorithm decides who sees it. That is exactly why it must be handled with care, starting with who receives it.

### Who may receive it

- Those who subscribed with **double opt-in**: they fill in the form, receive an email, confirm with a click. The confirmation is kept, with date and time.
- **Customers** the company has already sold to may receive messages about products similar to those they bought even without subscribing, provided they were told at the time of the sale and can object at any time (the so-called *soft opt-in* of Italy's privacy code). When in doubt, ask for consent.
- **Never** bought lists, or addresses collected from business cards at a fair without consent.

Every email has the **unsubscribe link**, working with one click. Whoever unsubscribes is never added back.

### What to write

A monthly B2B newsletter works with **one main story** and two or three short ones: a new product, a customer case, a trade fair, a technical tip. Each story links to the website page about it.

### Subject, preview, sender

The **subject** says what is inside, in under 50 characters (*“New DN65 valves and the MECSPE dates”*). The **preview text** completes it. The **sender** is a person of the company or the company itself, always the same.
""",
            },
        },
        {
            "key": "test-send-results",
            "title": {"it": "Prova, invio e risultati", "en": "Testing, sending and results"},
            "body": {
                "it": """
### Prima dell'invio

1. Mandala in prova a te e a due colleghi: **Gmail, Outlook e un telefono**. Le email si vedono in modo diverso in ogni programma.
2. Clicca **ogni link**: deve aprire la pagina giusta, con i parametri UTM della campagna.
3. Controlla immagini (con testo alternativo), nomi, prezzi, date.
4. Fatti approvare il testo, come per ogni altro contenuto.

### Quando inviare

Per un pubblico B2B i giorni migliori sono spesso **dal martedì al giovedì, in mattinata**. Tieni lo stesso giorno ogni mese: i lettori si abituano.

### Leggere i risultati

- Il **tasso di apertura** oggi è poco affidabile: alcuni programmi di posta «aprono» le email da soli per proteggere la privacy. Guardalo solo come tendenza.
- Il **tasso di clic** e soprattutto le **richieste** arrivate dai link della newsletter (le vedi in Staffetta grazie agli UTM) dicono se ha funzionato.
- **Disiscrizioni** e **rimbalzi**: pochi sono normali; un picco dice che il contenuto o la lista hanno un problema. Gli indirizzi che rimbalzano sempre vanno tolti.
- Le **risposte** alla newsletter sono richieste a tutti gli effetti: rispondi come a ogni altra.

Annota ogni mese i numeri in una riga: dopo sei mesi saprai cosa interessa davvero ai vostri clienti.
""",
                "en": """
### Before sending

1. Send a test to yourself and two colleagues: **Gmail, Outlook and a phone**. Emails look different in every program.
2. Click **every link**: it must open the right page, with the campaign's UTM parameters.
3. Check images (with alternative text), names, prices, dates.
4. Have the text approved, as for any other content.

### When to send

For a B2B audience the best days are often **Tuesday to Thursday, in the morning**. Keep the same day every month: readers get used to it.

### Reading the results

- The **open rate** is unreliable today: some mail programs “open” emails by themselves to protect privacy. Look at it only as a trend.
- The **click rate** and above all the **enquiries** arriving from the newsletter's links (visible in Staffetta thanks to the UTM parameters) tell whether it worked.
- **Unsubscribes** and **bounces**: a few are normal; a spike says the content or the list has a problem. Addresses that always bounce must be removed.
- **Replies** to the newsletter are enquiries in every respect: answer them like any other.

Note the figures every month on one line: after six months you will know what really interests your customers.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "first-newsletter",
            "title": {"it": "La tua prima newsletter", "en": "Your first newsletter"},
            "instructions": {
                "it": """
Prepara, prova e invia la newsletter del mese: una notizia principale, due brevi, oggetto e anteprima. Dopo una settimana scrivi in una nota i risultati (clic, richieste arrivate, disiscrizioni) e **una cosa che cambieresti** la volta dopo.

Come prova scegli il contenuto *newsletter* pubblicato dal calendario di Staffetta, e aggiungi la nota con i risultati.
""",
                "en": """
Prepare, test and send this month's newsletter: one main story, two short ones, subject and preview. After a week write the results in a note (clicks, enquiries received, unsubscribes) and **one thing you would change** next time.

As evidence, pick the published *newsletter* item from Staffetta's calendar, and add the note with the results.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Garante privacy – Marketing e telemarketing",
            "url": "https://www.garanteprivacy.it/temi/marketing",
            "language": "it",
        },
        {
            "title": "Regolamento (UE) 2016/679 (GDPR)",
            "url": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            "language": "",
        },
    ],
}
