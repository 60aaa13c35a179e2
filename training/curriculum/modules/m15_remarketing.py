MODULE = {
    "code": "remarketing",
    "hours": 4,
    "competencies": ["ads.remarketing", "privacy.consent", "ads.campaigns"],
    "title": {"it": "Remarketing", "en": "Remarketing"},
    "summary": {
        "it": "Tornare a farsi vedere da chi ha già visitato il sito, con il messaggio giusto, per il tempo giusto, e solo con il consenso.",
        "en": "Showing up again to people who already visited the site, with the right message, for the right time, and only with consent.",
    },
    "lessons": [
        {
            "key": "who-comes-back",
            "title": {"it": "Remarketing: farsi ricordare", "en": "Remarketing: being remembered"},
            "body": {
                "it": """
Nel B2B quasi nessuno chiede un preventivo alla prima visita: guarda, confronta, torna a lavorare. Il **remarketing** mostra annunci a chi ha già visitato il sito (o guardato un video, o aperto una newsletter), per ricordargli che ci siete quando sarà pronto.

### I pubblici

Si costruiscono con il tag di Google o con i pixel di Meta e LinkedIn, che devono essere già sul sito:

- **tutti i visitatori** degli ultimi 90 giorni: largo, utile per la notorietà;
- chi ha visto **le pagine di un prodotto**: annunci su quel prodotto;
- chi ha aperto **la pagina contatti senza inviare il modulo**: il pubblico più caldo;
- chi ha **già inviato una richiesta**: di solito va **escluso** (è già in contatto con voi);
- **liste di clienti** caricate nella piattaforma: solo con il loro consenso.

La **durata** di appartenenza al pubblico va adattata al ciclo di vendita: nel B2B 90–180 giorni.

### Il messaggio

L'annuncio continua il discorso della pagina visitata: chi ha guardato le valvole DN50 vede la scheda delle DN50, un caso di un cliente, l'invito a chiedere un campione. Non lo stesso annuncio generico a tutti.

### Non diventare un persecutore

Imposta un **limite di frequenza** (per esempio 3 impressioni a settimana per persona) e una data di fine. Un annuncio che insegue ovunque fa l'effetto contrario.

### Il consenso

Il remarketing usa cookie di profilazione: funziona **solo per chi ha accettato** nel banner dei cookie, e va indicato nell'informativa. Con Google si usa la *Consent Mode*: senza consenso i dati non entrano nei pubblici. Pubblici piccoli vogliono dire poche persone: è normale, e giusto.

### Dove si imposta

Google Ads (*segmenti di dati* in Gestione segmenti di pubblico), Meta (*pubblici personalizzati*), LinkedIn (*pubblici corrispondenti*). Le piattaforme richiedono un minimo di persone perché il pubblico si attivi.
""",
                "en": """
In B2B almost nobody asks for a quote on their first visit: they look, compare, go back to work. **Remarketing** shows ads to people who already visited the site (or watched a video, or opened a newsletter), to remind them you are there when they are ready.

### Audiences

They are built with the Google tag or with the Meta and LinkedIn pixels, which must already be on the site:

- **all visitors** of the last 90 days: wide, useful for awareness;
- people who saw **a product's pages**: ads about that product;
- people who opened **the contact page without sending the form**: the warmest audience;
- people who **already sent an enquiry**: usually **excluded** (they are already in touch with you);
- **customer lists** uploaded to the platform: only with their consent.

The **membership duration** of an audience should fit the sales cycle: in B2B 90–180 days.

### The message

The ad continues the conversation of the visited page: whoever looked at DN50 valves sees the DN50 datasheet, a customer case, an invitation to ask for a sample. Not the same generic ad for everybody.

### Do not become a stalker

Set a **frequency cap** (for instance 3 impressions a week per person) and an end date. An ad following people everywhere has the opposite effect.

### Consent

Remarketing uses profiling cookies: it works **only for people who accepted** in the cookie banner, and it must be stated in the privacy notice. With Google, *Consent Mode* is used: without consent, data does not enter the audiences. Small audiences mean few people: that is normal, and right.

### Where it is set up

Google Ads (*data segments* in the Audience manager), Meta (*custom audiences*), LinkedIn (*matched audiences*). The platforms require a minimum number of people before an audience can be used.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "one-audience",
            "title": {"it": "Un pubblico di remarketing", "en": "A remarketing audience"},
            "instructions": {
                "it": """
Crea in una piattaforma il pubblico di chi ha visto **le pagine di un prodotto** negli ultimi 90 giorni, **escludendo** chi ha già inviato una richiesta. Verifica con il consulente che il banner dei cookie blocchi il tag finché non c'è il consenso. Scrivi l'annuncio che mostreresti a quel pubblico e il limite di frequenza.

Come prova carica uno screenshot delle impostazioni del pubblico e scrivi l'annuncio in una nota.
""",
                "en": """
In one platform create the audience of people who saw **a product's pages** in the last 90 days, **excluding** those who already sent an enquiry. Check with the consultant that the cookie banner blocks the tag until consent is given. Write the ad you would show that audience and the frequency cap.

As evidence, upload a screenshot of the audience settings and write the ad in a note.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "Google Ads – Segmenti di dati (remarketing)",
            "url": "https://support.google.com/google-ads/answer/2453998",
            "language": "",
        },
        {
            "title": "Meta – Pubblici personalizzati",
            "url": "https://www.facebook.com/business/help/744354708981227",
            "language": "",
        },
        {
            "title": "LinkedIn – Matched Audiences",
            "url": "https://business.linkedin.com/marketing-solutions/ad-targeting/matched-audiences",
            "language": "en",
        },
    ],
}
