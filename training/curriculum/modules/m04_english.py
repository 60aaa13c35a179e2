MODULE = {
    "code": "english-contacts",
    "hours": 6,
    "competencies": ["language.english", "inbox.reply"],
    "title": {"it": "L'inglese per i contatti dal web", "en": "English for web contacts"},
    "summary": {
        "it": "Capire le richieste in inglese e rispondere in modo cortese, preciso e professionale, senza tradire i dati tecnici.",
        "en": "Understanding enquiries in English and answering politely, precisely and professionally, without betraying the technical data.",
    },
    "lessons": [
        {
            "key": "business-email",
            "title": {"it": "L'email commerciale in inglese", "en": "The business email in English"},
            "body": {
                "it": """
Le richieste dall'estero arrivano quasi sempre in inglese, spesso scritto da chi non è madrelingua come te. Serve un inglese **semplice e preciso**, non letterario.

### Una struttura che funziona sempre

- *Dear Mr Smith,* (o *Dear Anna,* se ti ha scritto con il nome) — *Thank you for your enquiry about our ball valves.*
- La risposta, in frasi brevi: *The DN50 version is available in AISI 316. Delivery time is 3 weeks.*
- Il passo successivo: *Please find attached the datasheet. Could you let us know the quantity you need?*
- Chiusura: *Kind regards,* e firma con ruolo e telefono con prefisso internazionale (+39).

### I falsi amici più pericolosi

| Inglese | Significa | Non significa |
|---|---|---|
| *eventually* | alla fine | eventualmente (*possibly*) |
| *actually* | in realtà | attualmente (*currently*) |
| *sensible* | ragionevole | sensibile (*sensitive*) |
| *to assist* | aiutare | assistere a (*to attend*) |
| *argument* | discussione, lite | argomento (*topic*) |

### Numeri, date, unità

In inglese il separatore dei decimali è il **punto** (*2.5 kg*) e le migliaia hanno la virgola (*1,000 pieces*). Scrivi le date per esteso (*3 March 2026*) per evitare la confusione tra formato britannico e americano. Se il cliente usa pollici o psi, riporta anche la conversione.

### Prezzi e condizioni

Prezzi, condizioni di consegna (*Incoterms*, come EXW o DAP) e pagamenti li decide il commerciale: smista, e scrivi al cliente quando avrà l'offerta.
""",
                "en": """
Enquiries from abroad almost always arrive in English, often written by someone who, like you, is not a native speaker. What is needed is **simple and precise** English, not literary English.

### A structure that always works

- *Dear Mr Smith,* (or *Dear Anna,* if they signed with their first name) — *Thank you for your enquiry about our ball valves.*
- The answer, in short sentences: *The DN50 version is available in AISI 316. Delivery time is 3 weeks.*
- The next step: *Please find attached the datasheet. Could you let us know the quantity you need?*
- Closing: *Kind regards,* and a signature with role and a phone number with the international prefix (+39).

### The most dangerous false friends (for Italian speakers)

| English | Means | Does not mean |
|---|---|---|
| *eventually* | in the end | possibly (*eventualmente*) |
| *actually* | in fact | currently (*attualmente*) |
| *sensible* | reasonable | sensitive (*sensibile*) |
| *to assist* | to help | to attend (*assistere a*) |
| *argument* | quarrel | topic (*argomento*) |

### Numbers, dates, units

In English the decimal separator is a **point** (*2.5 kg*) and thousands take a comma (*1,000 pieces*). Write dates in full (*3 March 2026*) to avoid confusing British and American formats. If the customer uses inches or psi, give the conversion as well.

### Prices and terms

Prices, delivery terms (*Incoterms* such as EXW or DAP) and payments are decided by sales: route the enquiry, and tell the customer when they will have the quote.
""",
            },
        },
        {
            "key": "tone-and-tools",
            "title": {"it": "Tono, cortesia e strumenti", "en": "Tone, courtesy and tools"},
            "body": {
                "it": """
L'inglese commerciale è più **morbido** dell'italiano: i no si dicono con un cuscinetto, le richieste con una domanda.

### Frasi utili

- Dire un limite: *I'm afraid the standard model is not suitable for 60 bar, but our reinforced version is.*
- Chiedere un dato: *Could you please send us a drawing or a photo of the part?*
- Prendere tempo: *I have forwarded your question to our engineers and will get back to you by Friday.*
- Scusarsi per un ritardo: *Sorry for the late reply, and thank you for your patience.*

### Il traduttore automatico: sì, ma

I traduttori automatici sono utili per **capire** una richiesta in tedesco o in spagnolo e per controllare la tua bozza. Non fidarti ciecamente quando **scrivi**: sbagliano i termini tecnici e il tono. Scrivi tu in inglese semplice, poi controlla le parole incerte su un dizionario (Cambridge, Oxford) o nel glossario aziendale.

### Il glossario aziendale

Tieni un glossario italiano–inglese dei termini dei nostri prodotti (*raccordo* → *fitting*, *guarnizione* → *gasket* o *seal*, *filettatura* → *thread*…). Fallo verificare da un tecnico o da un commerciale estero: sarà la base di tutte le risposte e delle schede in inglese.

### Rispondere nella lingua di chi scrive

Staffetta riconosce la lingua della richiesta. Rispondi in inglese a chi scrive in inglese; a chi scrive in un'altra lingua rispondi in inglese cortese, a meno che in azienda qualcuno parli la sua lingua.
""",
                "en": """
Business English is **softer** than Italian: a no comes with a cushion, a request comes as a question.

### Useful phrases

- Stating a limit: *I'm afraid the standard model is not suitable for 60 bar, but our reinforced version is.*
- Asking for data: *Could you please send us a drawing or a photo of the part?*
- Buying time: *I have forwarded your question to our engineers and will get back to you by Friday.*
- Apologising for a delay: *Sorry for the late reply, and thank you for your patience.*

### Machine translation: yes, but

Machine translation is useful to **understand** an enquiry in German or Spanish and to check your draft. Do not trust it blindly when you **write**: it gets technical terms and tone wrong. Write in simple English yourself, then check uncertain words in a dictionary (Cambridge, Oxford) or in the company glossary.

### The company glossary

Keep an Italian–English glossary of our product terms (*raccordo* → *fitting*, *guarnizione* → *gasket* or *seal*, *filettatura* → *thread*…). Have an engineer or an export sales person check it: it will be the basis of every reply and every English datasheet.

### Answer in the sender's language

Staffetta recognises the language of an enquiry. Answer in English whoever writes in English; answer in polite English whoever writes in another language, unless someone in the company speaks it.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "glossary",
            "title": {"it": "Il glossario tecnico italiano–inglese", "en": "The Italian–English technical glossary"},
            "instructions": {
                "it": """
Compila un glossario di **almeno 30 termini** dei prodotti dell'azienda, italiano e inglese, con una frase di esempio per i più difficili. Fallo controllare da un tecnico o da un commerciale estero e scrivi chi l'ha controllato.

Come prova carica il file (foglio di calcolo o PDF) o il link alla cartella condivisa.
""",
                "en": """
Put together a glossary of **at least 30 terms** of the company's products, Italian and English, with an example sentence for the hardest ones. Have an engineer or an export sales person check it and write who checked it.

As evidence, upload the file (spreadsheet or PDF) or the link to the shared folder.
""",
            },
        },
        {
            "key": "english-answers",
            "title": {"it": "Rispondi a tre richieste in inglese", "en": "Answer three enquiries in English"},
            "instructions": {
                "it": """
Rispondi tu a **3 richieste in inglese** nelle ultime 8 settimane, con una mediana di prima risposta entro 8 ore lavorative (una risposta in un'altra lingua merita qualche ora in più, non un giorno). La prova si calcola da sola dalla casella di Staffetta.
""",
                "en": """
Answer **3 enquiries in English** yourself in the last 8 weeks, with a median first response within 8 business hours (a reply in another language deserves a few more hours, not a day). The evidence is computed by itself from Staffetta's inbox.
""",
            },
            "rule": "enquiries_answered",
            "params": {"min_count": 3, "max_median_hours": 8, "weeks": 8, "language": "en"},
        },
    ],
    "resources": [
        {"title": "Cambridge Dictionary", "url": "https://dictionary.cambridge.org/", "language": "en"},
        {
            "title": "Plain English Campaign – Free guides",
            "url": "https://www.plainenglish.co.uk/free-guides.html",
            "language": "en",
        },
        {
            "title": "ICC – Incoterms rules",
            "url": "https://iccwbo.org/business-solutions/incoterms-rules/",
            "language": "en",
        },
    ],
}
