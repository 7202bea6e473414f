package loadtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Shape of a generated note, after the real ones (21,000 measured).
const (
	sectionsPerNote   = 8
	timestampsPerNote = 35
	linksPerNote      = 10
	notesPerVideo     = 5
	notesPerChannel   = 1000
)

// Generate builds a vault of notes notes of the shape real vaults have:
// channel folders of ~7 KB notes (frontmatter, intro, ## sections, ~35
// timestamp anchors, ~10 wikilinks of which about a quarter dangle and some
// name their target by title), a channel page per folder, and index.md and
// directory.md at the root. One note in 16 writes its timestamps as
// mm:ss:00, and a few anchors are four-part or junk. The same arguments
// give the same vault.
func Generate(notes int, seed int64) fstest.MapFS {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7475626e6f746573))
	g := generator{rng: rng, words: newWordSource(rng), fsys: fstest.MapFS{}}
	channels := max(1, (notes+notesPerChannel-1)/notesPerChannel)
	titles := make([]string, notes)
	for i := range titles {
		titles[i] = g.title(i)
	}
	var directory strings.Builder
	directory.WriteString("---\ntitle: Directory\n---\n\n")
	for c := range channels {
		name := fmt.Sprintf("channel%02d", c)
		fmt.Fprintf(&directory, "- [[%s | Channel %d]]\n", name, c)
		var page strings.Builder
		fmt.Fprintf(&page, "---\ntitle: %s\n---\n", name)
		first, last := c*notes/channels, (c+1)*notes/channels
		var video string
		for i := first; i < last; i++ {
			if (i-first)%notesPerVideo == 0 {
				video = videoID(rng)
				fmt.Fprintf(&page, "\n### [%s](https://www.youtube.com/watch?v=%s)\n", g.sentence(6), video)
			}
			slug := slugOf(titles[i])
			fmt.Fprintf(&page, "- [[%s | %s]]\n", slug, titles[i])
			g.fsys[name+"/"+slug+".md"] = &fstest.MapFile{Data: g.note(name, titles, i, first, last, video)}
		}
		g.fsys[name+"/"+name+".md"] = &fstest.MapFile{Data: []byte(page.String())}
	}
	g.fsys["directory.md"] = &fstest.MapFile{Data: []byte(directory.String())}
	g.fsys["index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Generated vault\n---\n")}
	return g.fsys
}

type generator struct {
	rng   *rand.Rand
	words *wordSource
	fsys  fstest.MapFS
}

// title is unique: its number keeps two notes from sharing a file name.
func (g *generator) title(i int) string {
	return capitalize(g.sentence(3+g.rng.IntN(4))) + fmt.Sprintf(" %d", i)
}

func (g *generator) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.words.word()
	}
	return strings.Join(ws, " ")
}

// note writes note i of a channel whose notes are titles[first:last].
func (g *generator) note(channel string, titles []string, i, first, last int, video string) []byte {
	var b strings.Builder
	b.Grow(7600)
	g.words.newTopic()
	defer g.words.noTopic() // titles and channel pages have none
	fmt.Fprintf(&b, "---\ntitle: %s\nvideoId: %s\n---\n\nFrom: [[%s]] <br/> \n\n", titles[i], video, channel)
	minutes := g.rng.IntN(16) == 0
	clock := 0
	stamp := func() string {
		clock += 5 + g.rng.IntN(60)
		var raw string
		switch r := g.rng.IntN(100); {
		case minutes:
			raw = fmt.Sprintf("%02d:%02d:00", clock/60, clock%60)
		case r == 0:
			raw = "HH:MM:SS"
		case r == 1:
			raw = fmt.Sprintf("%02d:%02d:%02d:%02d", clock/3600, clock/60%60, clock%60, g.rng.IntN(100))
		default:
			raw = fmt.Sprintf("%02d:%02d:%02d", clock/3600, clock/60%60, clock%60)
		}
		return `<a class="yt-timestamp" data-t="` + raw + `">[` + raw + `]</a>`
	}
	link := func() string {
		switch r := g.rng.IntN(8); {
		case r < 2:
			return "[[" + slugOf(g.sentence(3)) + "]]" // dangling
		case r < 3:
			return "[[" + titles[first+g.rng.IntN(last-first)] + "]]" // by title
		default:
			t := titles[first+g.rng.IntN(last-first)]
			return "[[" + slugOf(t) + " | " + t + "]]"
		}
	}
	stamps, links := 0, 0
	paragraph := func(sentences int) {
		for range sentences {
			s := g.sentence(14 + g.rng.IntN(10))
			b.WriteString(capitalize(s))
			if links < linksPerNote && g.rng.IntN(4) == 0 {
				b.WriteString(" " + link())
				links++
			}
			b.WriteString(". ")
			if stamps < timestampsPerNote {
				b.WriteString(stamp())
				stamps++
			}
			b.WriteString(" ")
		}
		b.WriteString("\n\n")
	}
	paragraph(3)
	for range sectionsPerNote {
		fmt.Fprintf(&b, "## %s\n\n", capitalize(g.sentence(4)))
		paragraph((timestampsPerNote - 3) / sectionsPerNote)
	}
	for links < linksPerNote {
		b.WriteString("- " + link() + "\n")
		links++
	}
	return []byte(b.String())
}

// capitalize upper-cases the first letter of s (ASCII: the generator's words).
func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func videoID(rng *rand.Rand) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	id := make([]byte, 11)
	for i := range id {
		id[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(id)
}

// slugOf is the file name a title gets (the generator's titles are plain
// words and a number, so lower case and spaces made "_" is the site's slug).
func slugOf(title string) string {
	return strings.ReplaceAll(strings.ToLower(title), " ", "_")
}
