"""Words of the demo calendar: what Officine Berica published and plans, and Tessiture Astico's first ideas.

Officine Berica makes valves, fittings and hydraulic components near Vicenza. Its editorial
line (approved in month 1 of the engagement) has three pillars — applications, customer
cases, behind the scenes — plus the MECSPE fair, the new BV-Compact ball valve, the ISO
certification and hiring. The stories match the budget and inbox demos (MECSPE sponsored
post, open day, CNC reel, the oil-hydraulics customer case).
"""

APPLICAZIONI, CASI, QUINTE = "Applicazioni", "Casi cliente", "Dietro le quinte"
FIERA, NOVITA, ISO, LAVORO = "Fiera MECSPE", "Nuovi prodotti", "Certificazioni", "Assunzioni"

BRIEFS = {
    APPLICAZIONI: "Per installatori e manutentori: un problema tecnico concreto e come si risolve, con il link "
    "alla scheda prodotto. Tono pratico, niente slogan.",
    CASI: "Un cliente reale, il suo problema, la nostra soluzione, il risultato in numeri. Nome del cliente "
    "solo con il suo consenso (chiesto da Luca).",
    QUINTE: "Le persone e l'officina: far vedere chi c'è dietro i pezzi che spediamo. Foto vere, non di stock.",
    FIERA: "Portare visitatori allo stand e dare seguito ai contatti raccolti in fiera.",
    NOVITA: "Lancio della nuova valvola a sfera compatta BV-Compact: per chi, perché, dove si scarica la scheda.",
    ISO: "Qualità certificata come argomento di vendita: cosa significa in pratica per chi compra.",
    LAVORO: "Trovare persone: il lavoro, il posto, come candidarsi. Condividere anche dai profili personali.",
}

# Where each pillar's tracked links land on the company's website.
LANDING = {
    APPLICAZIONI: "/prodotti/",
    CASI: "/casi-cliente/",
    QUINTE: "/azienda/",
    FIERA: "/fiere/mecspe/",
    NOVITA: "/prodotti/valvole-a-sfera/bv-compact/",
    ISO: "/azienda/qualita/",
    LAVORO: "/lavora-con-noi/",
}

# Past published items per channel, oldest first: (title, pillar, text).
PAST = {
    "linkedin": [
        (
            "Officine Berica a MECSPE: vi aspettiamo al padiglione 4",
            FIERA,
            "Dal 4 al 6 del mese saremo a **MECSPE**, padiglione 4, stand B12.\n\nPortiamo le valvole a sfera inox, "
            "i collettori su misura e un'anteprima che presenteremo a breve. Scriveteci per fissare un "
            "appuntamento con il nostro ufficio tecnico.\n\n#MECSPE #valvole #oleodinamica",
        ),
        (
            "Tre giorni a MECSPE: cosa ci hanno chiesto i visitatori",
            FIERA,
            "Più di 120 contatti allo stand. Le tre domande più frequenti: tempi di consegna, certificati 3.1, "
            "versioni per alte temperature. Le risposte sono nella pagina che trovate qui sotto.\n\n#MECSPE",
        ),
        (
            "Caso cliente: l'impianto oleodinamico di Oleodinamica Astico",
            CASI,
            "Oleodinamica Astico di Breganze cercava innesti rapidi che reggessero 350 bar senza trafilamenti.\n\n"
            "Abbiamo proposto una serie con guarnizioni in FKM: dopo sei mesi, zero fermi per perdite.",
        ),
        (
            "Dietro le quinte: il collaudo a 40 bar di ogni valvola",
            QUINTE,
            "Ogni valvola che esce da qui passa dal banco prova: 40 bar per due minuti, poi la tenuta in sede.\n\n"
            "Sergio fa questo controllo da 22 anni. Se una valvola non lo supera, non parte.",
        ),
        (
            "Valvole a sfera inox AISI 316: quando servono davvero",
            APPLICAZIONI,
            "L'inox 316 costa di più del 304: vale la pena con acqua salmastra, cloruri e fluidi alimentari.\n\n"
            "Per l'acqua di un impianto di riscaldamento, l'ottone basta e avanza. Ecco una tabella per decidere.",
        ),
        (
            "Benvenuta Chiara: da oggi segue il digitale di Officine Berica",
            QUINTE,
            "Chiara Dal Lago si è unita al team: seguirà il sito, i social e le richieste che arrivano dal web.\n\n"
            "Se ci scrivete dal sito, è probabile che la prima risposta arrivi da lei!",
        ),
        (
            "Raccordi a pressare o a compressione? La scelta in 3 domande",
            APPLICAZIONI,
            "1. L'impianto si smonta spesso? **Compressione.**\n2. Serve posare in fretta? **Pressare.**\n"
            "3. Ci sono vibrazioni forti? Parliamone: dipende dal fluido e dalla pressione.",
        ),
        (
            "Caso cliente: 300 valvole di ritegno per Fabris Macchine Agricole",
            CASI,
            "Fabris di Castelfranco Veneto monta le nostre valvole di ritegno a clapet sulle botti irroratrici.\n\n"
            "Consegna in tre lotti, sincronizzata con la loro produzione: niente magazzino fermo per loro.",
        ),
        (
            "Il nostro nuovo centro di lavoro CNC a 5 assi",
            QUINTE,
            "È arrivato il nuovo centro di lavoro a 5 assi: corpi valvola in un solo piazzamento, tolleranze più "
            "strette e tempi di consegna più brevi sulle versioni speciali.",
        ),
        (
            "Certificazione ISO 9001:2015 rinnovata senza rilievi",
            ISO,
            "L'audit di rinnovo si è chiuso senza non conformità. Grazie a tutto il reparto qualità.\n\n"
            "Per chi compra da noi vuol dire lotti tracciati e certificati disponibili per ogni spedizione.",
        ),
        (
            "Manutenzione delle valvole di sicurezza: la checklist da scaricare",
            APPLICAZIONI,
            "Una valvola di sicurezza che non scatta è peggio di nessuna valvola. Abbiamo raccolto in una pagina "
            "i controlli da fare ogni sei mesi: scaricate la checklist dal sito.",
        ),
        (
            "Cerchiamo un tornitore CNC per il turno di giorno",
            LAVORO,
            "Cerchiamo un **tornitore CNC** con esperienza su Fanuc o Siemens, turno giornaliero, a Vicenza.\n\n"
            "Contratto a tempo indeterminato dopo la prova. Candidature dalla pagina Lavora con noi.",
        ),
        (
            "Caso cliente: la centrale termica di Idraulica Veneta",
            CASI,
            "Collettori di distribuzione su misura per una centrale termica da 800 kW: progetto, disegni e "
            "consegna in tre settimane.",
        ),
        (
            "Certificato 3.1 per tutte le valvole inox: come richiederlo",
            APPLICAZIONI,
            "Il certificato EN 10204 3.1 è disponibile per tutte le valvole inox. Basta chiederlo nell'ordine: "
            "lo spediamo insieme alla merce, senza costi aggiuntivi.",
        ),
        (
            "Dietro le quinte: il magazzino che spedisce in 48 ore",
            QUINTE,
            "Oltre 4.000 codici a magazzino, ordini entro le 11 spediti in giornata. Ecco come lavora il "
            "magazzino di Officine Berica.",
        ),
        (
            "Arriva BV-Compact, la nuova valvola a sfera compatta",
            NOVITA,
            "**BV-Compact**: il 30% più corta delle valvole a sfera standard, stessa portata, PN40.\n\n"
            "Pensata per i quadri idraulici dove lo spazio non basta mai. Scheda tecnica sul sito.",
        ),
        (
            "BV-Compact: tre applicazioni in cui fa la differenza",
            NOVITA,
            "Collettori di centrali termiche, macchine agricole, skid di dosaggio: tre casi in cui 30 mm in meno "
            "cambiano il progetto.",
        ),
        (
            "Stage estivo per gli studenti dell'ITIS di Vicenza",
            LAVORO,
            "Anche quest'anno quattro studenti dell'ITIS passeranno un mese in officina e in ufficio tecnico. "
            "Alcuni dei nostri tecnici migliori hanno iniziato proprio così.",
        ),
        (
            "Caso cliente: l'antincendio di un magazzino logistico a Verona",
            CASI,
            "Antincendio Triveneto ci ha chiesto valvole certificate per un magazzino da 20.000 m²: forniture "
            "in due settimane, con i certificati già pronti per il collaudo.",
        ),
        (
            "Elettrovalvole 24 V: gli errori di installazione più comuni",
            APPLICAZIONI,
            "Freccia del flusso al contrario, filtro a monte dimenticato, bobina alimentata in alternata: i tre "
            "errori che vediamo più spesso nei resi, e come evitarli.",
        ),
    ],
    "blog": [
        (
            "Come scegliere una valvola a sfera: materiale, pressione e attacchi",
            APPLICAZIONI,
            "## Tre domande prima di scegliere\n\nChe fluido passa? A che pressione e temperatura? Come si "
            "collega all'impianto?\n\nIn questo articolo le risposte, con una tabella riassuntiva per ottone, "
            "inox 304 e inox 316.",
        ),
        (
            "MECSPE: le novità che abbiamo presentato in fiera",
            FIERA,
            "Tre giorni intensi a Bologna. Abbiamo mostrato i collettori su misura, la nuova linea inox e "
            "un'anteprima della valvola compatta che arriverà a breve.",
        ),
        (
            "Caso cliente: Oleodinamica Astico riduce i fermi macchina del 30%",
            CASI,
            "Il problema, la soluzione, i numeri: come gli innesti rapidi con guarnizioni in FKM hanno eliminato "
            "le perdite sulle linee a 350 bar.",
        ),
        (
            "Manutenzione preventiva delle valvole di sicurezza: guida pratica",
            APPLICAZIONI,
            "Ogni quanto controllare una valvola di sicurezza, cosa guardare, quando sostituirla. Con la "
            "checklist stampabile in fondo all'articolo.",
        ),
        (
            "ISO 9001: cosa cambia per chi compra da noi",
            ISO,
            "Tracciabilità dei lotti, certificati, gestione dei reclami: cosa garantisce in pratica la "
            "certificazione, oltre al logo sul sito.",
        ),
        (
            "BV-Compact, la nuova valvola a sfera compatta: scheda e applicazioni",
            NOVITA,
            "Dimensioni, pressioni, materiali e tre esempi di impianto. Con il confronto con una valvola "
            "standard della stessa misura.",
        ),
    ],
    "newsletter": [
        (
            "Newsletter: le novità di MECSPE e la guida alle valvole a sfera",
            FIERA,
            "Ciao,\n\nin questo numero: com'è andata la fiera, la guida per scegliere una valvola a "
            "sfera e il nuovo orario del magazzino.",
        ),
        (
            "Newsletter: casi cliente e la checklist per le valvole di sicurezza",
            CASI,
            "Due storie di clienti del territorio e la checklist di manutenzione da appendere in officina.",
        ),
        (
            "Newsletter: arriva BV-Compact",
            NOVITA,
            "La nuova valvola a sfera compatta è a magazzino: scheda tecnica, prezzi di lancio e campioni "
            "gratuiti per i primi 30 che li chiedono.",
        ),
    ],
    "facebook": [
        (
            "Open day in officina: sabato porte aperte alle famiglie",
            QUINTE,
            "Sabato dalle 9 alle 13 apriamo l'officina a famiglie e amici: visite guidate ogni ora e "
            "merenda per i più piccoli.",
        ),
        (
            "Le foto dello stand a MECSPE",
            FIERA,
            "Grazie a tutti quelli che sono passati a trovarci! Ecco qualche foto dei tre giorni in fiera.",
        ),
        (
            "Grazie ai ragazzi dell'ITIS in visita in officina",
            QUINTE,
            "Due classi di meccanica hanno visto dal vivo tornitura, collaudo e magazzino. Tante domande e "
            "qualche futuro collega, speriamo!",
        ),
        ("Cerchiamo un tornitore CNC", LAVORO, "Lavoro a Vicenza, turno di giorno: tutti i dettagli nel link."),
        (
            "Il reparto qualità festeggia il rinnovo ISO 9001",
            ISO,
            "Zero rilievi all'audit: complimenti a Paola, Davide e a tutto il reparto qualità!",
        ),
        (
            "BV-Compact è arrivata in magazzino",
            NOVITA,
            "Le prime 500 valvole BV-Compact sono pronte a partire. Chiedeteci un campione!",
        ),
    ],
    "instagram": [
        (
            "Reel: lavorazione CNC di un corpo valvola",
            QUINTE,
            "Dal barrotto di ottone al corpo valvola finito in 90 secondi. 🔧\n\n#officina #cnc #madeinitaly",
        ),
        ("Lo stand MECSPE in 15 secondi", FIERA, "Tre giorni in 15 secondi. Grazie a chi è passato! #MECSPE"),
        (
            "Prima e dopo: la sabbiatura dei corpi valvola",
            QUINTE,
            "Scorri per vedere il prima e il dopo. #dietrolequinte #officina",
        ),
        ("Il collaudo a 40 bar in un reel", QUINTE, "40 bar, due minuti, nessuna goccia. ✅ #qualità"),
        (
            "Chi siamo: Luca dell'ufficio commerciale",
            QUINTE,
            "Luca risponde alle vostre richieste di preventivo da 12 anni. Il suo consiglio: mandate sempre "
            "fluido, pressione e temperatura!",
        ),
        ("BV-Compact da vicino", NOVITA, "Più corta del 30%, stessa portata. Vi piace? #BVCompact #valvole"),
    ],
    "google_business": [
        (
            "Ritiro merce al banco: orari e modalità",
            QUINTE,
            "Il banco vendita è aperto dal lunedì al venerdì, 8–12 e 14–17.30. Ordinate online e ritirate in giornata.",
        ),
        (
            "Certificazione ISO 9001 rinnovata",
            ISO,
            "Qualità certificata per ogni valvola che spediamo. Scopri cosa significa per te.",
        ),
        (
            "Nuova valvola BV-Compact disponibile a magazzino",
            NOVITA,
            "La valvola a sfera compatta è disponibile da subito al banco e online.",
        ),
    ],
}

# Changes the owner asked for before approving (title of the past item → his comment).
CHANGES_REQUESTED = {
    "Caso cliente: l'impianto oleodinamico di Oleodinamica Astico": (
        "Prima di pubblicare chiediamo a Oleodinamica Astico se possiamo fare il loro nome. E togli il prezzo."
    ),
    "Benvenuta Chiara: da oggi segue il digitale di Officine Berica": "Metti anche una foto di Chiara in officina.",
    "Certificazione ISO 9001:2015 rinnovata senza rilievi": (
        "Ringrazia per nome Paola del reparto qualità, se lei è d'accordo."
    ),
    "Caso cliente: Oleodinamica Astico riduce i fermi macchina del 30%": (
        "Il 30% lo abbiamo misurato noi o loro? Scriviamolo, altrimenti sembra pubblicità."
    ),
    "Arriva BV-Compact, la nuova valvola a sfera compatta": "Manca il link alla scheda tecnica.",
}

# Comments on past items: (title, who, text); who is owner, consultant, digital_manager or colleague.
COMMENTS = [
    (
        "Valvole a sfera inox AISI 316: quando servono davvero",
        "consultant",
        "Ottimo taglio pratico. La prossima volta metti la tabella come immagine: su LinkedIn rende di più.",
    ),
    (
        "Caso cliente: 300 valvole di ritegno per Fabris Macchine Agricole",
        "colleague",
        "Da questo post sono arrivate due richieste di costruttori di macchine agricole, le sto seguendo io.",
    ),
    (
        "Cerchiamo un tornitore CNC per il turno di giorno",
        "owner",
        "Condividilo anche dal profilo aziendale su Facebook, molti candidati arrivano da lì.",
    ),
    (
        "Arriva BV-Compact, la nuova valvola a sfera compatta",
        "consultant",
        "Questo è il post con più clic del trimestre: usiamolo come modello per i prossimi lanci.",
    ),
    ("Newsletter: arriva BV-Compact", "colleague", "Già 12 richieste di campioni, ne restano 18."),
    (
        "Reel: lavorazione CNC di un corpo valvola",
        "consultant",
        "I reel girati in officina funzionano: 3 volte la copertura delle foto.",
    ),
]

# What comes next: (status, channel, title, pillar, text, when). `when` is ("slot", n): the
# channel's nth free cadence slot from tomorrow; ("days", n, "HH:MM"): n days from today; or None.
UPCOMING = [
    (
        "scheduled",
        "linkedin",
        "Caso cliente: i collettori su misura di Tecnofluid Treviso",
        CASI,
        "Tecnofluid aveva bisogno di collettori a 8 vie con attacchi misti: progetto in una settimana.",
        ("slot", 0),
    ),
    (
        "scheduled",
        "linkedin",
        "Innesti rapidi oleodinamici: guida alla scelta",
        APPLICAZIONI,
        "Pressione, portata, tipo di valvola interna: come scegliere l'innesto rapido giusto.",
        ("slot", 1),
    ),
    (
        "scheduled",
        "blog",
        "Colpo d'ariete: come proteggere l'impianto con i riduttori di pressione",
        APPLICAZIONI,
        "Cos'è il colpo d'ariete, perché rompe le valvole e come si previene.",
        ("slot", 0),
    ),
    (
        "approved",
        "linkedin",
        "Dietro le quinte: come imballiamo le spedizioni per l'estero",
        QUINTE,
        "Casse in legno trattato, sacchi anticorrosione, documenti in tre lingue.",
        ("slot", 2),
    ),
    (
        "approved",
        "facebook",
        "Auguri a Bruno e Sergio, in pensione dopo 35 anni in officina",
        QUINTE,
        "Una festa in mensa per due colonne dell'officina. Grazie di tutto!",
        ("days", 9, "12:30"),
    ),
    (
        "in_review",
        "linkedin",
        "Cerchiamo un responsabile di produzione",
        LAVORO,
        "Cerchiamo una persona che guidi 25 colleghi tra tornitura, montaggio e collaudo.",
        ("slot", 3),
    ),
    (
        "in_review",
        "newsletter",
        "Newsletter: guida ai riduttori di pressione e le date delle prossime fiere",
        APPLICAZIONI,
        "Ciao,\n\nin questo numero il colpo d'ariete spiegato semplice e dove incontrarci nei prossimi mesi.",
        ("slot", 0),
    ),
    (
        "in_review",
        "blog",
        "Valvole di ritegno: 5 cause di rumore nell'impianto",
        APPLICAZIONI,
        "Colpi, vibrazioni, fischi: cosa significano e come si risolvono.",
        ("slot", 1),
    ),
    (
        "draft",
        "linkedin",
        "ISO 14001: abbiamo iniziato il percorso ambientale",
        ISO,
        "Dopo la 9001, la 14001: consumi, scarti e trasporti sotto controllo.",
        ("slot", 5),
    ),
    (
        "draft",
        "instagram",
        "Un giorno in officina: la giornata di Sergio al collaudo",
        QUINTE,
        "Dalle 7 del mattino al banco prova: una giornata tipo in 10 foto.",
        ("days", 16, "18:00"),
    ),
    (
        "draft",
        "google_business",
        "Chiusura del magazzino per l'inventario",
        QUINTE,
        "Il magazzino resta chiuso due giorni per l'inventario annuale: ordinate entro il giorno prima.",
        None,
    ),
    ("idea", "linkedin", "Video: intervista al responsabile qualità", ISO, "", None),
    ("idea", "blog", "FAQ tecniche: le 10 domande che arrivano più spesso dal sito", APPLICAZIONI, "", None),
    ("idea", "linkedin", "Caso cliente con Antincendio Triveneto: la fase 2", CASI, "", None),
    ("idea", "instagram", "Serie «Un pezzo al giorno»: un componente spiegato in 15 secondi", QUINTE, "", None),
    ("idea", "newsletter", "Numero speciale: preparare gli impianti all'inverno", APPLICAZIONI, "", None),
]
IDEA_SOURCES = {
    "FAQ tecniche: le 10 domande che arrivano più spesso dal sito": "https://www.officine-berica.example/contatti/",
}

OVERDUE = (
    "instagram",
    "Reel: il nuovo banco prova in 30 secondi",
    QUINTE,
    "Il nuovo banco prova automatico in azione. 🔧 #officina #qualità",
)
CANCELLED = (
    "linkedin",
    "Webinar: le valvole di sicurezza spiegate ai manutentori",
    APPLICAZIONI,
    "Rimandato a dopo l'estate: solo 6 iscritti, meglio ripartire con più preavviso.",
)

ASTICO_ITEMS = [
    # (status, channel, title, text)
    ("idea", "linkedin", "Tessuti ignifughi: cosa chiede la norma EN ISO 11612", ""),
    ("idea", "instagram", "Dietro le quinte: il telaio Jacquard in funzione", ""),
    ("idea", "blog", "Caso cliente: teli tecnici per l'agricoltura protetta", ""),
    ("idea", "linkedin", "Chi siamo in cinque foto: tre generazioni di tessitura", ""),
    (
        "draft",
        "linkedin",
        "Certificazione OEKO-TEX: cosa significa per i nostri clienti",
        "Tutti i nostri tessuti tecnici sono certificati **OEKO-TEX Standard 100**: nessuna sostanza nociva, "
        "controllata da un ente indipendente.",
    ),
    (
        "draft",
        "blog",
        "Dalla filatura al telo finito: come nasce un tessuto tecnico",
        "Un viaggio in cinque tappe nello stabilimento di Piovene Rocchette.",
    ),
]
