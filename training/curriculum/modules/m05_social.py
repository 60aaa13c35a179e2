MODULE = {
    "code": "social-media",
    "hours": 8,
    "competencies": ["social.publishing", "social.community", "content.planning", "content.writing"],
    "title": {"it": "Gestire i social media", "en": "Managing social media"},
    "summary": {
        "it": "Scegliere i canali che servono davvero, tenere in ordine le pagine, pubblicare con costanza e rispondere alle persone.",
        "en": "Choosing the channels that really help, keeping the pages tidy, publishing steadily and answering people.",
    },
    "lessons": [
        {
            "key": "which-channels",
            "title": {"it": "Quali social, e per fare cosa", "en": "Which social networks, and what for"},
            "body": {
                "it": """
Non serve essere ovunque: serve essere **dove sono i clienti**, con la costanza che l'azienda può sostenere. Meglio due canali curati che cinque abbandonati.

### I canali per un'azienda B2B

- **LinkedIn**: il primo canale per chi vende ad altre aziende. Pagina aziendale, post dei prodotti in uso, fiere, persone; i dipendenti che condividono moltiplicano la portata.
- **YouTube**: video di montaggio, demo, collaudi. Un video che spiega come si installa un prodotto lavora per anni.
- **Facebook**: utile per il territorio, le assunzioni, la comunità locale; meno per trovare clienti B2B.
- **X**: notizie di settore, fiere, dialogo con la stampa tecnica; richiede frequenza.
- **Instagram**: se il prodotto o la produzione sono belli da vedere.

### La pagina in ordine

Logo nitido, immagine di copertina aggiornata, descrizione di due righe che dice cosa fa l'azienda, sito, telefono, indirizzo, settore. Controllala ogni tre mesi.

### Il piano editoriale

Decidi **3–5 temi fissi** (i *pilastri*): prodotti al lavoro dai clienti, dietro le quinte della produzione, persone dell'azienda, fiere ed eventi, consigli tecnici utili. Poi una frequenza sostenibile — per esempio LinkedIn il martedì e il giovedì — e segnala come *cadenza* nel calendario di Staffetta: gli spazi vuoti ti ricordano cosa manca.
""",
                "en": """
There is no need to be everywhere: the company must be **where its customers are**, as steadily as it can sustain. Two well-kept channels beat five abandoned ones.

### The channels for a B2B company

- **LinkedIn**: the first channel for selling to other companies. Company page, products at work, trade fairs, people; employees who share multiply the reach.
- **YouTube**: installation videos, demos, tests. A video explaining how to install a product works for years.
- **Facebook**: useful for the local area, hiring, the community; less so for finding B2B customers.
- **X**: industry news, trade fairs, dialogue with the trade press; needs frequency.
- **Instagram**: if the product or the production is good to look at.

### A tidy page

A sharp logo, an up-to-date cover image, a two-line description saying what the company does, website, phone, address, sector. Check it every three months.

### The editorial plan

Decide **3–5 recurring themes** (the *pillars*): products at work at customers', behind the scenes of production, the company's people, fairs and events, useful technical tips. Then a sustainable frequency — for instance LinkedIn on Tuesday and Thursday — and record it as a *cadence* in Staffetta's calendar: the empty slots remind you what is missing.
""",
            },
        },
        {
            "key": "publish-and-answer",
            "title": {"it": "Pubblicare e rispondere", "en": "Publishing and answering"},
            "body": {
                "it": """
### Com'è fatto un buon post

1. **La prima riga** deve fermare chi scorre: un problema, un numero, una domanda.
2. **Un solo messaggio** per post. Due notizie, due post.
3. **Un'immagine o un video** fatto da voi (il magazzino, il collaudo, la squadra) vale più di una foto di repertorio.
4. **Un link tracciato**: Staffetta aggiunge i parametri UTM, così sai quante richieste arrivano da quel post.
5. **Pochi hashtag** (2–3) pertinenti; tagga clienti e partner solo se d'accordo.

### Approvazione

In Staffetta un contenuto passa da bozza a revisione e all'approvazione del titolare o del consulente. Le **richieste di modifica** non sono una bocciatura: leggile, correggi e impara. L'obiettivo è arrivare a contenuti che passano al primo colpo.

### Commenti e messaggi

- Rispondi ai commenti **entro la giornata lavorativa**, anche solo per ringraziare.
- A una domanda tecnica rispondi brevemente e offri di continuare in privato o per email.
- Un **commento negativo** non si cancella: si riconosce il problema, si chiede di scrivere in privato, si risolve. Si nascondono o si segnalano solo spam e insulti.
- I **messaggi privati** con richieste commerciali vanno nella casella di Staffetta come ogni altra richiesta: stesso tempo di risposta, stesso smistamento.
""",
                "en": """
### What a good post looks like

1. **The first line** must stop the scroller: a problem, a number, a question.
2. **One message** per post. Two pieces of news, two posts.
3. **An image or a video** made by you (the warehouse, the test bench, the team) is worth more than a stock photo.
4. **A tracked link**: Staffetta adds the UTM parameters, so you know how many enquiries come from that post.
5. **Few hashtags** (2–3), relevant; tag customers and partners only if they agree.

### Approval

In Staffetta a piece goes from draft to review and to the approval of the owner or the consultant. **Changes requested** are not a rejection: read them, fix and learn. The goal is content that passes first time.

### Comments and messages

- Answer comments **within the working day**, even just to thank.
- To a technical question answer briefly and offer to continue privately or by email.
- A **negative comment** is not deleted: acknowledge the problem, ask them to write privately, solve it. Only spam and insults are hidden or reported.
- **Private messages** with sales questions go into Staffetta's inbox like any other enquiry: same response time, same routing.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "editorial-plan",
            "title": {"it": "Il piano editoriale del mese", "en": "The month's editorial plan"},
            "instructions": {
                "it": """
Prepara nel calendario di Staffetta il **piano del prossimo mese**: i pilastri, le cadenze dei canali, un'idea per ogni spazio, chi scrive e chi approva. Discutilo con il consulente.

Come prova aggiungi una nota con i pilastri scelti e il perché, e il link alla vista elenco del calendario.
""",
                "en": """
Prepare **next month's plan** in Staffetta's calendar: the pillars, the channels' cadences, an idea for each slot, who writes and who approves. Discuss it with the consultant.

As evidence, add a note with the chosen pillars and why, and the link to the calendar's list view.
""",
            },
        },
        {
            "key": "eight-clean-posts",
            "title": {"it": "8 post pubblicati senza modifiche", "en": "8 posts published without changes"},
            "instructions": {
                "it": """
Pubblica **8 contenuti** scritti da te che passano l'approvazione **senza richieste di modifica**. La prova si calcola da sola dal calendario di Staffetta.
""",
                "en": """
Publish **8 pieces** written by you that pass approval **without changes requested**. The evidence is computed by itself from Staffetta's calendar.
""",
            },
            "rule": "posts_published_clean",
            "params": {"min_count": 8, "weeks": 0},
        },
    ],
    "resources": [
        {
            "title": "LinkedIn – Best practice per le pagine aziendali",
            "url": "https://business.linkedin.com/marketing-solutions/linkedin-pages/best-practices",
            "language": "en",
        },
        {"title": "Meta Business – Centro assistenza", "url": "https://www.facebook.com/business/help", "language": ""},
        {"title": "YouTube Creator Academy", "url": "https://www.youtube.com/creators/", "language": ""},
    ],
}
