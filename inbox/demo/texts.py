"""The words of the demo inbox: who writes to Officine Berica (valves, fittings, hydraulic
components near Vicenza), about what, and how the team answers. Italian, and English for the
customers abroad. Placeholders in braces are filled by `inbox.demo.seed`."""

# (Italian name, English name, topic)
PRODUCTS = [
    ("valvole a sfera in ottone", "brass ball valves", "valvole a sfera"),
    ("valvole a sfera inox AISI 316", "AISI 316 stainless steel ball valves", "valvole a sfera"),
    ("valvole di ritegno a clapet", "swing check valves", "valvole di ritegno"),
    ("raccordi a compressione", "compression fittings", "raccordi"),
    ("raccordi a pressare", "press fittings", "raccordi"),
    ("innesti rapidi oleodinamici", "hydraulic quick couplings", "innesti rapidi"),
    ("cilindri idraulici a doppio effetto", "double-acting hydraulic cylinders", "cilindri idraulici"),
    ("elettrovalvole 24 V", "24 V solenoid valves", "elettrovalvole"),
    ("collettori di distribuzione", "distribution manifolds", "collettori"),
    ("valvole di sicurezza", "safety relief valves", "valvole di sicurezza"),
    ("riduttori di pressione", "pressure reducing valves", "riduttori di pressione"),
    ("manometri in glicerina", "glycerine-filled pressure gauges", "manometri"),
]
SIZES = ["DN15", "DN20", "DN25", "DN32", "DN40", "DN50", "DN65", "DN80"]
PRESSURES = ["PN16", "PN25", "PN40"]
QUANTITIES = [20, 30, 50, 80, 100, 150, 200, 300, 500, 1000]

# (organisation, town, existing customer?)
ITALIAN_ORGANISATIONS = [
    ("Idraulica Veneta Srl", "Vicenza", True),
    ("Meccanica Bassano Srl", "Bassano del Grappa", True),
    ("Termoidraulica Pozza Snc", "Thiene", True),
    ("Impianti Zanella Srl", "Schio", False),
    ("Oleodinamica Astico Srl", "Breganze", True),
    ("Carraro Impianti Srl", "Padova", False),
    ("Fabris Macchine Agricole Srl", "Castelfranco Veneto", True),
    ("Termotecnica Schio Srl", "Schio", False),
    ("Sartori Costruzioni Meccaniche", "Montecchio Maggiore", True),
    ("Antincendio Triveneto Srl", "Verona", False),
    ("Vivai Pegoraro", "Rosà", False),
    ("Manutenzioni Industriali Thiene Srl", "Thiene", True),
    ("Zordan Carpenteria Metallica", "Valdagno", False),
    ("Idrotermica Padovana Srl", "Padova", False),
    ("Euroimpianti Verona Srl", "Verona", False),
    ("Tecnofluid Treviso Srl", "Treviso", True),
    ("Conceria Arzignano Spa", "Arzignano", True),
    ("Pressofusioni Valdagno Srl", "Valdagno", False),
    ("Officina Menegazzo", "Marostica", False),
    ("Impianti Cracco & Figli", "Lonigo", True),
    ("Termoservice Castelfranco Srl", "Castelfranco Veneto", False),
    ("Agritech Montecchio Srl", "Montecchio Maggiore", False),
    ("Idroservice Marostica Snc", "Marostica", True),
    ("Caseificio Altopiano", "Asiago", False),
    ("Distilleria Colli Berici", "Barbarano Mossano", False),
    ("Cartiera del Brenta Spa", "Carmignano di Brenta", True),
    ("Birrificio Vicentino", "Vicenza", False),
    ("Galvanica Tonin Srl", "Arzignano", False),
    ("Frantoio Faggion", "Lonigo", False),
    ("Termoidraulica Dal Santo", "Dueville", False),
    ("Serre Bortolan Srl", "Sandrigo", False),
    ("Automazioni Fracasso Srl", "Camisano Vicentino", True),
]
# (organisation, town, country)
FOREIGN_ORGANISATIONS = [
    ("Hydro Systems Ltd", "Leeds", "the United Kingdom"),
    ("Nordic Flow AB", "Gothenburg", "Sweden"),
    ("Alpine Pumps GmbH", "Innsbruck", "Austria"),
    ("Danube Valves Kft", "Győr", "Hungary"),
    ("Baltic Marine Services", "Gdańsk", "Poland"),
    ("Atlantic Irrigation Ltd", "Cork", "Ireland"),
    ("Rotterdam Process BV", "Rotterdam", "the Netherlands"),
    ("Maple Fluid Power Inc.", "Hamilton", "Canada"),
]
ITALIAN_FIRST = [
    "Marco", "Luca", "Giulia", "Francesca", "Alessandro", "Paolo", "Stefano", "Elena", "Roberto",
    "Silvia", "Andrea", "Davide", "Martina", "Federico", "Valentina", "Giorgio", "Sara", "Nicola",
    "Laura", "Matteo", "Anna", "Simone", "Cristina", "Fabio",
]  # fmt: skip
ITALIAN_LAST = [
    "Rossi", "Bianchi", "Zanella", "Dalla Valle", "Pozza", "Marangoni", "Bortolan", "Carraro",
    "Fabris", "Sartori", "Zordan", "Tonin", "Pegoraro", "Cracco", "Zanin", "Faggion", "Menegazzo",
    "Dal Santo", "Fracasso", "Bonato", "Lovato", "Rigon", "Visentin", "Basso",
]  # fmt: skip
FOREIGN_NAMES = [
    "James Carter", "Emily Walsh", "Lars Nilsson", "Anna Kowalska", "Pieter de Vries",
    "Sophie Martin", "Thomas Berger", "Erik Hansen", "Oliver Brown", "Zsófia Nagy", "Liam Byrne",
]  # fmt: skip

CUSTOMER_TRADES = [
    "installatori di impianti termoidraulici",
    "costruttori di macchine agricole",
    "manutentori di impianti industriali",
    "un'impresa di impianti antincendio",
    "una carpenteria metallica",
    "un'officina oleodinamica",
]
PLANTS = [
    "il riscaldamento di un capannone",
    "l'irrigazione di un vivaio",
    "il raffreddamento di una pressa",
    "l'antincendio di un magazzino",
    "una centrale termica",
    "la linea vapore di un caseificio",
]
DEADLINES_IT = ["fine mese", "metà del mese prossimo", "due settimane", "inizio del mese prossimo"]
DEADLINES_EN = ["two weeks", "early next month", "the end of the month"]
WEEKDAYS_IT = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Each kind: subjects and texts of the first message, per language.
ENQUIRIES = {
    "quote": {
        "it": {
            "subjects": [
                "Richiesta preventivo {product} {size}",
                "Preventivo per {qty} pz {product}",
                "Richiesta offerta {product}",
                "Quotazione {product} {size} {pressure}",
                "Prezzi e disponibilità {product}",
            ],
            "texts": [
                "Buongiorno,\nsiamo {org}, {trade}. Vi chiediamo la vostra migliore offerta per {qty} pezzi di "
                "{product} {size} {pressure}, consegna a {town}.\nPotete indicarci anche i tempi di consegna?\n\n"
                "Grazie e buona giornata,\n{name}",
                "Salve,\nabbiamo bisogno di un preventivo per {qty} {product} {size}. È un lavoro per un cliente "
                "che parte entro {deadline}: se avete disponibilità a magazzino indicateci anche il prezzo netto.\n\n"
                "Cordiali saluti\n{name}\n{org}",
                "Buongiorno, vorrei sapere prezzo e disponibilità di {product} {size} {pressure}. Quantità "
                "indicativa {qty} pezzi l'anno, con consegne frazionate. Grazie. {name}",
                "Gentili signori,\nstiamo preparando l'impianto per {plant} e ci servono {qty} {product} {size}. "
                "Attendiamo la vostra offerta, possibilmente entro {weekday}.\n\n{name}\nUfficio acquisti {org}",
            ],
        },
        "en": {
            "subjects": [
                "Quotation request: {product} {size}",
                "Request for quote - {qty} pcs {product}",
                "Price and lead time for {product}",
            ],
            "texts": [
                "Hello,\nwe are {org}, based in {country}. Could you please send us your best price for {qty} pcs "
                "of {product} {size} {pressure}, delivered to {town}?\nPlease also state your lead time and "
                "payment terms.\n\nKind regards,\n{name}",
                "Dear Sir or Madam,\nwe saw your products at the trade fair and would like a quotation for {qty} "
                "{product} ({size}, {pressure}). Do you supply CE and PED documentation?\n\nBest regards\n{name}\n"
                "Purchasing, {org}",
                "Hi, we need {product} {size} for a project starting in {deadline}. Approx. {qty} units per year. "
                "Can you quote EXW Vicenza? Thanks, {name}",
            ],
        },
    },
    "technical": {
        "it": {
            "subjects": [
                "Domanda tecnica su {product}",
                "Pressione massima {product} {size}",
                "Compatibilità {product} con acqua glicolata",
                "Certificato 3.1 per {product}",
                "Disegni 3D {product} {size}",
            ],
            "texts": [
                "Buongiorno,\nle vostre {product} {size} sono adatte per acqua glicolata al 30% a -10 °C? Nella "
                "scheda tecnica non trovo il campo di temperatura.\nGrazie,\n{name}",
                "Salve, che pressione massima di esercizio reggono le {product} {size} con fluido a {temp} °C? "
                "Dobbiamo dimensionare un circuito a {bar} bar.\n{name} – {org}",
                "Buongiorno, per una commessa ci chiedono il certificato di materiale EN 10204 3.1 per {product} "
                "{size}. Potete fornirlo insieme alla merce?\nCordiali saluti\n{name}",
                "Buongiorno, mi servirebbe il modello 3D (STEP) delle {product} {size} da inserire nel nostro "
                "progetto. È disponibile?\nGrazie\n{name}",
                "Salve, i {product} sono disponibili anche con filettatura NPT o solo BSP? Abbiamo un cliente "
                "americano.\n{name}",
            ],
        },
        "en": {
            "subjects": [
                "Technical question: {product}",
                "Maximum pressure of {product} {size}",
                "Datasheet {product}",
            ],
            "texts": [
                "Hello, what is the maximum working pressure of your {product} {size} at {temp} °C? We need it "
                "for a {bar} bar circuit.\nThanks, {name}",
                "Hi, are your {product} suitable for drinking water? We need WRAS approval for our market.\n"
                "Best regards, {name}, {org}",
                "Good morning, could you send the STEP files and the datasheet of the {product} {size}?\n"
                "Regards, {name}",
            ],
        },
    },
    "support": {
        "it": {
            "subjects": [
                "Ordine n. {order}: data di consegna",
                "Conferma d'ordine {order}",
                "Riordino {product}",
                "Tracking spedizione ordine {order}",
            ],
            "texts": [
                "Buongiorno,\navete già una data di consegna per il nostro ordine n. {order}? Il cantiere ci "
                "chiede conferma per {weekday}.\nGrazie,\n{name}\n{org}",
                "Salve, vorremmo riordinare gli stessi articoli dell'ordine {order} ({qty} {product} {size}). Il "
                "prezzo è invariato?\n{name}",
                "Buongiorno, non abbiamo ricevuto la conferma per l'ordine {order} inviato la settimana scorsa. "
                "Potete verificare?\nCordiali saluti, {name}",
                "Buongiorno, ci mandate il numero di tracking della spedizione dell'ordine {order}? Grazie. {name}",
            ],
        },
        "en": {
            "subjects": ["Order {order}: delivery date", "Tracking number for order {order}", "Reorder {product}"],
            "texts": [
                "Hello, could you confirm the delivery date of our order no. {order}? Our customer is waiting.\n"
                "Thanks, {name}",
                "Hi, please send us the tracking number for order {order}. Regards, {name}",
                "Hello, we would like to reorder {qty} {product} {size} as in order {order}. Is the price still "
                "valid? {name}",
            ],
        },
    },
    "complaint": {
        "it": {
            "subjects": [
                "Reclamo: {product} difettose",
                "Merce arrivata danneggiata - ordine {order}",
                "Perdita su {product} {size}",
                "Consegna in ritardo ordine {order}",
                "Fermo linea: {product} non conformi",
            ],
            "texts": [
                "Buongiorno,\nsu {faulty} delle {qty} {product} {size} consegnate con l'ordine {order} abbiamo "
                "trovato una perdita dal premistoppa già al collaudo. Chiediamo la sostituzione urgente.\n{name}\n"
                "{org}",
                "Salve, la spedizione dell'ordine {order} è arrivata oggi con due colli danneggiati e alcuni "
                "raccordi deformati. Come procediamo per il reso?\n{name}",
                "Buongiorno, l'ordine {order} doveva arrivare {weekday} ma non abbiamo ancora notizie. Abbiamo la "
                "linea ferma in attesa delle {product}. Per favore richiamatemi al più presto.\n{name} – {phone}",
            ],
        },
        "en": {
            "subjects": ["Complaint: leaking {product}", "Damaged goods - order {order}"],
            "texts": [
                "Hello, {faulty} of the {product} from order {order} are leaking at the thread. We need "
                "replacements urgently.\nRegards, {name}",
                "Dear team, order {order} arrived with damaged packaging and bent fittings. Please advise how to "
                "return them.\n{name}",
            ],
        },
    },
}

SPAM = [
    (
        "Posizionamento SEO in prima pagina di Google",
        "Gentile titolare, con i nostri servizi SEO il vostro sito sarà in prima pagina di Google in 30 giorni! "
        "Clicca qui: https://seo-top.example/offerta https://seo-top.example/prezzi https://seo-top.example/casi",
        "info@seo-top.example",
    ),
    (
        "INCREASE YOUR WEB TRAFFIC NOW",
        "Hello, we sell backlinks and guest post on high authority sites. https://links.example "
        "https://links.example/price https://links.example/buy",
        "offers@mailinator.com",
    ),
    (
        "Business loan offer",
        "Loan offer at 2%! Make money from your business, click here: https://fast-loans.example",
        "loans@yopmail.com",
    ),
    (
        "Investimento garantito in criptovalute",
        "Guadagno garantito con bitcoin e crypto, hai vinto un bonus di benvenuto: https://crypto-fast.example",
        "bonus@crypto-fast.example",
    ),
]

REPLIES = {
    "quote": {
        "it": [
            "Buongiorno {first},\ngrazie per la richiesta. Le inviamo in giornata l'offerta per {qty} {product} "
            "{size}: il materiale è disponibile a magazzino e la consegna è prevista in {days} giorni "
            "lavorativi.\nCordiali saluti,\n{agent}\nOfficine Berica",
            "Gentile {first},\nabbiamo preparato l'offerta n. {offer} per le {product} {size}: prezzo netto "
            "{price} € al pezzo, resa franco destino per ordini sopra i 500 €. Consegna in {days} giorni "
            "lavorativi.\nResto a disposizione,\n{agent}",
        ],
        "en": [
            "Dear {first},\nthank you for your enquiry. Please find our quotation no. {offer} for {qty} {product} "
            "{size}: {price} EUR per piece, EXW Vicenza, lead time {days} working days.\nBest regards,\n{agent}\n"
            "Officine Berica",
        ],
    },
    "technical": {
        "it": [
            "Buongiorno {first},\nle {product} {size} sono adatte fino a {bar} bar con fluido a {temp} °C: trova "
            "il diagramma pressione/temperatura nella scheda tecnica sul nostro sito, sezione Download.\n"
            "Cordiali saluti,\n{agent}",
            "Gentile {first},\nsì, possiamo fornire il certificato 3.1 e il modello STEP: basta indicarlo "
            "nell'ordine. Le mando intanto la scheda tecnica aggiornata.\n{agent}",
        ],
        "en": [
            "Dear {first},\nthe {product} {size} are rated up to {bar} bar at {temp} °C; the pressure/temperature "
            "chart is in the datasheet on our website (Downloads). STEP files are available on request.\n"
            "Kind regards,\n{agent}",
        ],
    },
    "support": {
        "it": [
            "Buongiorno {first},\nl'ordine {order} è partito ieri con il corriere: consegna prevista {weekday}. "
            "Le inoltro il numero di tracking appena disponibile.\n{agent}",
            "Buongiorno {first},\nconfermo che il prezzo è invariato. Procedo con il riordino e le mando la "
            "conferma d'ordine entro oggi.\n{agent}",
        ],
        "en": [
            "Dear {first},\norder {order} was shipped yesterday; expected delivery on {weekday}. I will send the "
            "tracking number as soon as we have it.\nBest regards,\n{agent}",
        ],
    },
    "complaint": {
        "it": [
            "Gentile {first},\nci scusiamo per il disagio. Abbiamo aperto la pratica di reso {rma}: il "
            "corriere ritirerà il materiale {weekday} e spediremo subito i pezzi sostitutivi.\n{agent}",
            "Buongiorno {first},\nho verificato con il magazzino: l'ordine {order} parte oggi in consegna "
            "espressa. Ci scusiamo per il ritardo.\n{agent}",
        ],
        "en": [
            "Dear {first},\nwe apologise for the trouble. We have opened return {rma}: the courier will "
            "collect the goods on {weekday} and we will ship replacements at once.\n{agent}",
        ],
    },
}
HOLDING_REPLY = {
    "it": "Buongiorno {first},\ngrazie per la richiesta. Ho coinvolto il nostro ufficio commerciale, che le "
    "risponderà con un'offerta dedicata entro domani.\n{agent}",
    "en": "Dear {first},\nthank you for your enquiry. I have passed it to our sales office, who will send you a "
    "dedicated offer by tomorrow.\n{agent}",
}
ROUTING_NOTES = [
    "{colleague}, puoi rispondere tu? Quantità importante, serve un prezzo dedicato.",
    "{colleague}, mi serve il tuo parere: cliente interessante, valuta tu lo sconto.",
    "Girata a {colleague} per pressione e temperature: domanda tecnica da commerciale.",
]
COLLEAGUE_ANSWERS = {
    "it": [
        "Buongiorno {first},\nsono {colleague} dell'ufficio commerciale. Per {qty} pezzi possiamo applicare uno "
        "sconto del {discount}% sul listino: le allego l'offerta n. {offer}, valida 30 giorni. Se vuole ci "
        "sentiamo per telefono per definire le consegne.\nCordiali saluti,\n{colleague}\n"
        "Ufficio commerciale – Officine Berica",
        "Buongiorno {first},\nconfermo: le {product} reggono {bar} bar fino a {temp} °C con guarnizioni in PTFE; "
        "per temperature più alte consigliamo la versione con guarnizioni in FKM, stesso prezzo per ordini "
        "sopra i {qty} pezzi.\n{colleague}\nUfficio commerciale",
    ],
    "en": [
        "Dear {first},\nthis is {colleague} from the sales office. For {qty} units we can offer a {discount}% "
        "discount on list price; quotation no. {offer} is valid for 30 days. Lead time is {days} working days, "
        "EXW Vicenza.\nBest regards,\n{colleague}\nSales – Officine Berica",
    ],
}
COACHING_NOTES = [
    "Ottima risposta, {agent}: salvala tra le risposte pronte.",
    "{agent}, la prossima volta proponi anche la versione inox: margine migliore.",
    "Bene la rapidità. Aggiungi sempre il link alla scheda tecnica.",
    "Cliente storico: avvisa anche il commerciale di zona.",
]
FOLLOW_UPS = {
    "it": [
        "Grazie, procediamo con l'ordine.",
        "Perfetto, grazie per la rapidità.",
        "Ricevuto, grazie. Vi faccio sapere entro la settimana.",
        "Grazie, attendo la conferma d'ordine.",
    ],
    "en": ["Thank you, we will place the order.", "Great, thanks for the quick answer.", "Received, thanks."],
}
CLOSINGS = {"it": "Grazie a lei, buona giornata!\n{agent}", "en": "Thank you, have a nice day!\n{agent}"}

LANDING_PAGES = [
    "https://www.officineberica.example/prodotti/valvole-a-sfera/",
    "https://www.officineberica.example/prodotti/raccordi/",
    "https://www.officineberica.example/prodotti/oleodinamica/",
    "https://www.officineberica.example/contatti/",
    "https://www.officineberica.example/en/products/ball-valves/",
]
# (utm_source, utm_medium, utm_campaign)
CAMPAIGNS = [
    ("google", "cpc", "valvole-a-sfera"),
    ("google", "cpc", "raccordi-pressare"),
    ("linkedin", "social", "fiera-mcexpo"),
    ("newsletter", "email", "novita-autunno"),
]

CANNED_REPLIES = [
    (
        "it",
        "Richiesta ricevuta: preventivo in preparazione",
        "preventivo",
        "Buongiorno {name},\ngrazie per la richiesta «{subject}». Stiamo preparando l'offerta e gliela inviamo "
        "entro domani.\nCordiali saluti,\n{agent}\n{company}",
    ),
    (
        "it",
        "Scheda tecnica e diagramma pressione/temperatura",
        "tecnico",
        "Buongiorno {name},\ntrova la scheda tecnica con il diagramma pressione/temperatura sul nostro sito, "
        "sezione Download. Se ci indica fluido e temperatura di esercizio verifichiamo noi la scelta.\n{agent}",
    ),
    (
        "it",
        "Tempi di consegna standard",
        "consegne",
        "Buongiorno {name},\ngli articoli a magazzino partono in 2-3 giorni lavorativi; per le versioni speciali "
        "servono 3-4 settimane. Le confermiamo la data esatta con la conferma d'ordine.\n{agent}",
    ),
    (
        "it",
        "Reso di materiale difettoso (RMA)",
        "reclamo",
        "Gentile {name},\nci scusiamo per il disagio. Per il reso le chiediamo numero d'ordine, quantità e una "
        "foto del difetto: apriamo subito la pratica RMA e organizziamo il ritiro.\n{agent}\n{company}",
    ),
    (
        "it",
        "Certificato di materiale 3.1",
        "tecnico",
        "Buongiorno {name},\nil certificato EN 10204 3.1 è disponibile per tutte le valvole inox: basta "
        "richiederlo nell'ordine e lo spediamo insieme alla merce.\n{agent}",
    ),
    (
        "en",
        "Enquiry received: quotation in preparation",
        "preventivo",
        "Dear {name},\nthank you for your enquiry “{subject}”. We are preparing our quotation and will send it by "
        "tomorrow.\nKind regards,\n{agent}\n{company}",
    ),
    (
        "en",
        "Datasheet and pressure/temperature chart",
        "tecnico",
        "Dear {name},\nthe datasheet with the pressure/temperature chart is on our website, in the Downloads "
        "section. Tell us the fluid and working temperature and we will check the choice for you.\n{agent}",
    ),
    (
        "en",
        "Standard lead times",
        "consegne",
        "Dear {name},\nitems in stock ship within 2-3 working days; special versions take 3-4 weeks. We confirm "
        "the exact date with the order confirmation.\n{agent}",
    ),
]
