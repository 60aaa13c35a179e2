MODULE = {
    "code": "html-css",
    "hours": 6,
    "competencies": ["website.code", "website.editing"],
    "title": {"it": "Rudimenti di HTML e CSS", "en": "HTML and CSS basics"},
    "summary": {
        "it": "Leggere e correggere un po' di HTML, capire cosa fa il CSS e dove sta, senza paura di aprire il codice di una pagina.",
        "en": "Reading and fixing a little HTML, understanding what CSS does and where it lives, without fear of opening a page's code.",
    },
    "lessons": [
        {
            "key": "html-structure",
            "title": {"it": "HTML: la struttura di una pagina", "en": "HTML: the structure of a page"},
            "body": {
                "it": """
Ogni pagina web è un testo con dei **tag** che dicono al browser cos'è ogni parte. Non devi scrivere un sito da zero: devi saper **leggere** e **correggere** quello che l'editor produce.

### I tag che incontrerai sempre

```html
<h2>Valvole a sfera inox</h2>
<p>Disponibili da <strong>DN15 a DN100</strong>, in AISI 316.</p>
<ul>
  <li>Pressione massima 40 bar</li>
  <li>Consegna in 10 giorni lavorativi</li>
</ul>
<a href="https://www.esempio.it/contatti">Chiedi un preventivo</a>
<img src="valvola-dn50.jpg" alt="Valvola a sfera inox DN50">
```

- `h1`…`h3` sono i **titoli**, in ordine: un solo `h1` per pagina (di solito il titolo della pagina), poi `h2` per le sezioni, `h3` per le sottosezioni. Non sceglierli per la grandezza del carattere.
- `p` è un paragrafo, `strong` il grassetto, `ul`/`li` un elenco.
- `a` è un link: `href` dice dove porta.
- `img` è un'immagine: `alt` è il testo alternativo.

Un tag si apre e si chiude (`<p>` … `</p>`); gli **attributi** (`href`, `src`, `alt`) stanno dentro il tag di apertura.

### Dove lo vedi

- Nell'editor di WordPress: menu del blocco → **Modifica come HTML**, oppure il blocco *HTML personalizzato*.
- In qualsiasi sito: tasto destro → **Ispeziona** (o F12) mostra il codice della parte su cui hai cliccato.

### Il problema più comune

Il testo incollato da Word o da un'email porta con sé formattazioni nascoste (caratteri, colori, spazi). Incolla **come testo semplice** (Ctrl+Maiusc+V) e formatta poi con l'editor.
""",
                "en": """
Every web page is text with **tags** telling the browser what each part is. You do not have to write a website from scratch: you must be able to **read** and **fix** what the editor produces.

### The tags you will always meet

```html
<h2>Stainless ball valves</h2>
<p>Available from <strong>DN15 to DN100</strong>, in AISI 316.</p>
<ul>
  <li>Maximum pressure 40 bar</li>
  <li>Delivered in 10 working days</li>
</ul>
<a href="https://www.example.com/contact">Ask for a quote</a>
<img src="valve-dn50.jpg" alt="Stainless ball valve DN50">
```

- `h1`…`h3` are **headings**, in order: a single `h1` per page (usually the page title), then `h2` for sections, `h3` for subsections. Do not choose them for their font size.
- `p` is a paragraph, `strong` bold, `ul`/`li` a list.
- `a` is a link: `href` says where it goes.
- `img` is an image: `alt` is the alternative text.

A tag opens and closes (`<p>` … `</p>`); **attributes** (`href`, `src`, `alt`) sit inside the opening tag.

### Where you see it

- In the WordPress editor: block menu → **Edit as HTML**, or the *Custom HTML* block.
- On any website: right click → **Inspect** (or F12) shows the code of the part you clicked.

### The most common problem

Text pasted from Word or from an email carries hidden formatting (fonts, colours, spaces). Paste **as plain text** (Ctrl+Shift+V) and format it afterwards with the editor.
""",
            },
        },
        {
            "key": "css-look",
            "title": {"it": "CSS: l'aspetto", "en": "CSS: the look"},
            "body": {
                "it": """
L'HTML dice **cosa** è ogni parte; il **CSS** dice **come appare**: colori, caratteri, spazi, disposizione.

### Com'è fatta una regola

```css
.scheda-tecnica th {
  background-color: #0b6e4f;
  color: #ffffff;
  padding: 8px 12px;
}
```

- Il **selettore** (`.scheda-tecnica th`) dice a quali elementi si applica: qui le celle di intestazione delle tabelle con la classe `scheda-tecnica`.
- Le **proprietà** (`color`, `padding`…) con i loro valori dicono come appaiono.
- Una **classe** si assegna nell'HTML con `class="scheda-tecnica"` (in WordPress: pannello del blocco → *Avanzate* → *Classi CSS aggiuntive*).

### Le proprietà che userai

`color` e `background-color` per i colori, `font-size` e `font-weight` per il testo, `margin` (spazio fuori) e `padding` (spazio dentro), `border` per i bordi, `text-align` per l'allineamento.

### Dove sta il CSS in WordPress

Il CSS del tema lo cura l'agenzia. Tu puoi aggiungere piccole regole in *Aspetto → Personalizza → CSS aggiuntivo* (o negli stili dell'editor del sito): valgono per **tutto il sito**, quindi usa sempre una classe tua, e annota cosa hai aggiunto e perché.

### Prima di salvare

Controlla la pagina **sul telefono**: un sito si legge per metà da lì. Se per sistemare qualcosa devi lottare contro il tema, fermati e scrivi un brief all'agenzia.
""",
                "en": """
HTML says **what** each part is; **CSS** says **how it looks**: colours, typefaces, spacing, layout.

### What a rule looks like

```css
.spec-sheet th {
  background-color: #0b6e4f;
  color: #ffffff;
  padding: 8px 12px;
}
```

- The **selector** (`.spec-sheet th`) says which elements it applies to: here the header cells of tables with the class `spec-sheet`.
- The **properties** (`color`, `padding`…) with their values say how they look.
- A **class** is given in the HTML with `class="spec-sheet"` (in WordPress: block panel → *Advanced* → *Additional CSS classes*).

### The properties you will use

`color` and `background-color` for colours, `font-size` and `font-weight` for text, `margin` (space outside) and `padding` (space inside), `border` for borders, `text-align` for alignment.

### Where CSS lives in WordPress

The theme's CSS is the agency's. You may add small rules in *Appearance → Customize → Additional CSS* (or in the site editor's styles): they apply to **the whole site**, so always use a class of your own, and note what you added and why.

### Before saving

Check the page **on a phone**: half of a website's readers are there. If fixing something means fighting the theme, stop and write a brief for the agency.
""",
            },
        },
    ],
    "assignments": [
        {
            "key": "spec-table",
            "title": {"it": "Una tabella tecnica in HTML", "en": "A technical table in HTML"},
            "instructions": {
                "it": """
In una pagina del sito (o in una bozza) scrivi **a mano in HTML** la tabella dei dati tecnici di un prodotto: un titolo `h2`, una tabella con intestazioni, un'immagine con testo alternativo e un link alla scheda PDF. Dalle una classe e aggiungi una regola CSS che colori le intestazioni. Controlla il risultato sul telefono.

Come prova aggiungi il link alla pagina e una nota con il codice che hai scritto.
""",
                "en": """
In a page of the website (or a draft) write **by hand in HTML** a product's technical data table: an `h2` heading, a table with header cells, an image with alternative text and a link to the PDF datasheet. Give it a class and add a CSS rule colouring the header cells. Check the result on a phone.

As evidence, add the link to the page and a note with the code you wrote.
""",
            },
        },
    ],
    "resources": [
        {
            "title": "MDN – Basi di HTML",
            "url": "https://developer.mozilla.org/en-US/docs/Learn/Getting_started_with_the_web/HTML_basics",
            "language": "en",
        },
        {
            "title": "MDN – Basi di CSS",
            "url": "https://developer.mozilla.org/en-US/docs/Learn/Getting_started_with_the_web/CSS_basics",
            "language": "en",
        },
        {"title": "HTML.it – Guide HTML e CSS", "url": "https://www.html.it/", "language": "it"},
    ],
}
