MODULE = {
    "code": "web-enquiries",
    "hours": 6,
    "competencies": ["inbox.reply", "inbox.routing", "product.knowledge"],
    "title": {"it": "Rispondere e smistare le richieste dal web", "en": "Answering and routing web enquiries"},
    "summary": {
        "it": "Ogni richiesta che arriva dal sito riceve una risposta in fretta, giusta, e se serve arriva alla persona giusta in azienda.",
        "en": "Every enquiry from the website gets a fast and right answer and, when needed, reaches the right person in the company.",
    },
    "lessons": [
        {
            "key": "answer-fast",
            "title": {"it": "Rispondere in fretta, rispondere bene", "en": "Answer fast, answer well"},
            "body": {
                "it": """
Una richiesta dal web è **calda per qualche ora**, non per giorni: chi scrive spesso ha scritto anche a due concorrenti, e il primo che risponde bene parte in vantaggio. Per questo Staffetta misura il **tempo di prima risposta in ore lavorative**: l'obiettivo è restare **entro 4 ore**.

### La struttura di una buona risposta

1. **Saluto e nome**: *«Buongiorno signor Rossi, grazie per averci scritto.»*
2. **La risposta alla domanda**, per prima, in due o tre frasi. Se la domanda è doppia, rispondi a entrambe le parti.
3. **Un passo successivo chiaro**: la scheda tecnica allegata, una telefonata, il contatto del commerciale di zona.
4. **Firma** con nome, ruolo e un recapito diretto.

### Se non sai la risposta

Rispondi lo stesso, subito: *«Ho girato la sua domanda al nostro ufficio tecnico; le scriviamo entro giovedì.»* Poi smista la conversazione e **segui** che la risposta arrivi davvero.

### Le risposte pronte

Le risposte pronte di Staffetta sono un punto di partenza, non un modulo da spedire così com'è. Personalizza sempre almeno la prima frase e controlla che rispondano *a quella* domanda.

### Cliente o potenziale cliente?

Guarda lo storico del contatto: un cliente che scrive per un problema va trattato con precedenza e avvisando il commerciale che lo segue.
""",
                "en": """
An enquiry from the web is **warm for a few hours**, not for days: the sender has often written to two competitors as well, and the first to answer well has the edge. That is why Staffetta measures the **first response time in business hours**: the target is to stay **within 4 hours**.

### The structure of a good reply

1. **Greeting and name**: *“Good morning Mr Rossi, thank you for writing to us.”*
2. **The answer to the question**, first, in two or three sentences. If the question has two parts, answer both.
3. **A clear next step**: the datasheet attached, a phone call, the contact of the area sales person.
4. **Signature** with name, role and a direct contact.

### When you do not know the answer

Answer anyway, at once: *“I have passed your question to our technical office; we will write to you by Thursday.”* Then route the conversation and **make sure** the answer really arrives.

### Canned replies

Staffetta's canned replies are a starting point, not a form to send as it is. Always personalise at least the first sentence and check that they answer *that* question.

### Customer or prospect?

Look at the contact's history: a customer writing about a problem comes first, and the sales person who follows them should know.
""",
            },
        },
        {
            "key": "routing",
            "title": {"it": "Smistare: chi risponde a cosa", "en": "Routing: who answers what"},
            "body": {
                "it": """
Il digital manager è il **punto di ingresso** delle domande che arrivano dal web, non chi deve sapere tutto. Smistare bene significa che la domanda arriva alla persona giusta, con tutto quello che le serve, e che tu sai quando aspettarti la risposta.

### La mappa di smistamento

Scrivi con il titolare una tabella semplice, con un sostituto per ogni voce:

| Tipo di domanda | A chi | Sostituto |
|---|---|---|
| prezzi, offerte, sconti | vendite | direttore commerciale |
| disegni, materiali, prove | ricerca e sviluppo | responsabile tecnico |
| ordini in corso, consegne | produzione / logistica | responsabile di produzione |
| fatture, pagamenti | amministrazione | titolare |

### Come si smista in Staffetta

- Scegli **il reparto** e, se sai chi, **il collega**: riceve un'email e vede solo le conversazioni passate a lui.
- Aggiungi una **nota interna** di due righe: cosa chiede il cliente, cosa gli hai già detto, entro quando gli serve.
- Al cliente scrivi che la domanda è passata a un esperto e **quando** avrà risposta.

### Seguire fino in fondo

Una conversazione smistata resta tua finché il cliente non ha la risposta. Controlla ogni mattina quelle in attesa di un collega; se passa il tempo promesso, sollecita con gentilezza. Quando tutto è chiuso, segna la conversazione come risolta. Lo **spam** si segna come tale, senza rispondere.
""",
                "en": """
The digital manager is the **point of entry** for questions arriving from the web, not the person who must know everything. Routing well means the question reaches the right person with everything they need, and you know when to expect the answer.

### The routing map

Write a simple table with the owner, with a stand-in for each line:

| Kind of question | To whom | Stand-in |
|---|---|---|
| prices, quotes, discounts | sales | sales director |
| drawings, materials, tests | R&D | technical manager |
| orders in progress, deliveries | production / logistics | production manager |
| invoices, payments | administration | owner |

### How to route in Staffetta

- Choose **the department** and, if you know who, **the colleague**: they get an email and see only the conversations passed to them.
- Add a two-line **internal note**: what the customer asks, what you already told them, by when they need it.
- Tell the customer the question has gone to an expert and **when** they will have an answer.

### Follow it through

A routed conversation stays yours until the customer has the answer. Every morning check the ones waiting on a colleague; when the promised time passes, remind them kindly. When everything is settled, mark the conversation resolved. **Spam** is marked as such, without replying.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "routing-map",
            "title": {"it": "La mappa di smistamento", "en": "The routing map"},
            "instructions": {
                "it": """
Scrivi la **mappa di smistamento** dell'azienda: i tipi di domanda che arrivano dal web, a chi vanno, chi li sostituisce, in quanto tempo rispondono di solito. Falla approvare dal titolare.

Come prova carica il documento o incolla la tabella in una nota.
""",
                "en": """
Write the company's **routing map**: the kinds of question that arrive from the web, whom they go to, who stands in, how long they usually take to answer. Have the owner approve it.

As evidence, upload the document or paste the table in a note.
""",
            },
        },
        {
            "key": "twenty-fast-answers",
            "title": {"it": "Rispondi a 20 richieste entro 4 ore", "en": "Answer 20 enquiries within 4 hours"},
            "instructions": {
                "it": """
Rispondi tu a **20 richieste** nelle ultime 4 settimane, con una **mediana di prima risposta entro 4 ore lavorative**. La prova si calcola da sola dalla casella di Staffetta: contano le richieste in cui la prima risposta (non l'avviso automatico) l'hai scritta tu.
""",
                "en": """
Answer **20 enquiries** yourself in the last 4 weeks, with a **median first response within 4 business hours**. The evidence is computed by itself from Staffetta's inbox: the enquiries count where you wrote the first reply (not the automatic acknowledgement).
""",
            },
            "rule": "enquiries_answered",
            "params": {"min_count": 20, "max_median_hours": 4, "weeks": 4},
        },
    ],
    "resources": [
        {
            "title": "Garante per la protezione dei dati personali",
            "url": "https://www.garanteprivacy.it/",
            "language": "it",
        },
    ],
}
