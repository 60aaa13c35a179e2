MODULE = {
    "code": "image-editing",
    "hours": 4,
    "competencies": ["images.editing"],
    "title": {"it": "Sistemare le immagini", "en": "Editing images"},
    "summary": {
        "it": "Ridimensionare, ritagliare e correggere una foto; inserire un testo su una fascia trasparente; esportare per il web.",
        "en": "Resizing, cropping and correcting a photo; putting text over a transparent band; exporting for the web.",
    },
    "lessons": [
        {
            "key": "resize-crop",
            "title": {"it": "Dimensioni, ritaglio e correzioni", "en": "Sizes, cropping and corrections"},
            "body": {
                "it": """
Una foto fatta bene con il telefono basta quasi sempre, se la sistemi in cinque minuti. Gli strumenti: **GIMP** (gratuito, da installare), **Photopea** (nel browser) e le varianti per canale che Staffetta crea dalle immagini caricate nel calendario.

### Le misure che servono

| Uso | Pixel | Proporzione |
|---|---|---|
| LinkedIn e Facebook, post con link | 1200 × 627 | circa 1,91:1 |
| Post quadrato | 1080 × 1080 | 1:1 |
| Instagram verticale | 1080 × 1350 | 4:5 |
| Copertina di un articolo | 1200 × 675 | 16:9 |

### Il ritaglio

Ritaglia **prima** di ridimensionare, mantenendo la proporzione del canale. Metti il soggetto su uno dei terzi dell'immagine, non sempre al centro; togli quello che distrae (bancali, cavi, cartelli). Raddrizza l'orizzonte e le linee verticali.

### Le correzioni

Poche e leggere: **luminosità** e **contrasto**, un po' di **nitidezza**, il bilanciamento del bianco se la luce è gialla o blu. Se si nota la correzione, è troppa.

### Esportare per il web

JPEG con qualità tra 75 e 85, peso sotto i 300 KB per il sito; PNG solo per loghi e grafiche con testo. Dai al file un **nome che dice cosa mostra** (*valvola-sfera-inox-dn50.jpg*) e scrivi sempre il **testo alternativo**: lo leggono i motori di ricerca e chi usa un lettore di schermo.

### I diritti

Usa foto vostre, o di archivi con licenza chiara. Per le persone riconoscibili serve il loro consenso, anche per i colleghi.
""",
                "en": """
A photo taken well with a phone is almost always enough, if you fix it in five minutes. The tools: **GIMP** (free, to install), **Photopea** (in the browser) and the per-channel variants Staffetta makes from the images uploaded to the calendar.

### The sizes you need

| Use | Pixels | Ratio |
|---|---|---|
| LinkedIn and Facebook, link post | 1200 × 627 | about 1.91:1 |
| Square post | 1080 × 1080 | 1:1 |
| Instagram portrait | 1080 × 1350 | 4:5 |
| Article cover | 1200 × 675 | 16:9 |

### Cropping

Crop **before** resizing, keeping the channel's ratio. Put the subject on one of the thirds of the image, not always in the centre; remove what distracts (pallets, cables, signs). Straighten the horizon and the vertical lines.

### Corrections

Few and light: **brightness** and **contrast**, a little **sharpening**, the white balance if the light is yellow or blue. If the correction shows, it is too much.

### Exporting for the web

JPEG with quality between 75 and 85, under 300 KB for the website; PNG only for logos and graphics with text. Give the file a **name that says what it shows** (*stainless-ball-valve-dn50.jpg*) and always write the **alternative text**: search engines read it, and so do people using a screen reader.

### Rights

Use your own photos, or archives with a clear licence. Recognisable people must give their consent, colleagues included.
""",
            },
        },
        {
            "key": "text-band",
            "title": {"it": "Un testo su una fascia trasparente", "en": "Text over a transparent band"},
            "body": {
                "it": """
Un titolo sull'immagine (una data di fiera, il nome di un prodotto) si legge solo se c'è **contrasto**. La soluzione classica è una fascia scura semitrasparente sotto il testo.

### Passo per passo (GIMP o Photopea)

1. Apri la foto già ritagliata e ridimensionata.
2. Crea un **nuovo livello** trasparente.
3. Con la **selezione rettangolare** disegna una fascia in basso, alta circa un quinto dell'immagine, larga quanto tutta l'immagine.
4. **Riempi** la selezione di nero (o del colore scuro dell'azienda) e porta l'**opacità** del livello al 50–60%.
5. Crea un **livello di testo** bianco sopra la fascia: un carattere semplice e leggibile, grande abbastanza da leggersi sul telefono, con un margine di almeno 40 pixel dai bordi.
6. Controlla rimpicciolendo l'immagine come la vedrà chi scorre sul telefono: se il testo non si legge, aumentalo o accorcialo.
7. **Esporta** in JPEG per la pubblicazione e **salva l'originale a livelli** (.xcf o .psd) per riusarlo la prossima volta.

### Poche parole

Sull'immagine vanno al massimo **sei o sette parole**; il resto nel testo del post. Alcune piattaforme mostrano meno un'immagine piena di scritte.

### Il logo

Se serve, mettilo piccolo in un angolo, sempre nello stesso punto, nella versione chiara sulle foto scure.
""",
                "en": """
A title on an image (a trade fair date, a product name) can be read only if there is **contrast**. The classic solution is a dark, semi-transparent band under the text.

### Step by step (GIMP or Photopea)

1. Open the photo, already cropped and resized.
2. Create a **new transparent layer**.
3. With the **rectangle selection** draw a band at the bottom, about a fifth of the image high, as wide as the whole image.
4. **Fill** the selection with black (or the company's dark colour) and set the layer's **opacity** to 50–60%.
5. Create a white **text layer** on the band: a simple, readable typeface, large enough to read on a phone, with a margin of at least 40 pixels from the edges.
6. Check by shrinking the image as a phone user will see it: if the text cannot be read, make it bigger or shorter.
7. **Export** as JPEG for publishing and **save the layered original** (.xcf or .psd) to reuse next time.

### Few words

Put at most **six or seven words** on the image; the rest goes in the post's text. Some platforms show an image full of writing less.

### The logo

If needed, put it small in a corner, always in the same place, in its light version on dark photos.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "three-formats",
            "title": {"it": "Una foto, tre formati e una fascia", "en": "One photo, three formats and a band"},
            "instructions": {
                "it": """
Scatta (o scegli) una foto di un prodotto al lavoro e prepara: la versione **1200 × 627** per LinkedIn, la versione **1080 × 1080** e una versione con **un titolo su una fascia trasparente**. Tutte sotto i 300 KB, con un nome file che dice cosa mostrano.

Come prova carica le tre immagini (una per volta, o in un file ZIP) e scrivi in una nota il testo alternativo che useresti.
""",
                "en": """
Take (or choose) a photo of a product at work and prepare: the **1200 × 627** version for LinkedIn, the **1080 × 1080** version and one version with **a title on a transparent band**. All under 300 KB, with a file name that says what they show.

As evidence, upload the three images (one at a time, or in a ZIP file) and write in a note the alternative text you would use.
""",
            },
        },
    ],
    "resources": [
        {"title": "GIMP – Documentazione", "url": "https://docs.gimp.org/", "language": ""},
        {"title": "Photopea – editor di immagini nel browser", "url": "https://www.photopea.com/", "language": ""},
    ],
}
