package loadtest

import (
	"math/rand/v2"
	"strings"
)

// The text of generated notes is drawn to have the statistics of the real
// corpus (1,363 notes, 1.67 million words, measured with the index's
// tokens): 23,400 distinct words, the 100 most frequent making 43% of the
// text and the 1,000 most frequent 76%, words 4.9 letters long on average,
// and each note coming back to its own topic words. A vocabulary of a few
// hundred words, as the generator had, gives an index of a few hundred
// terms with enormous postings: its build cost nothing like a real one.

// vocabularySize is the number of distinct words the generator draws from.
const vocabularySize = 24000

// common are the most frequent words, most frequent first, so that the
// head of the distribution reads like the real one.
var common = strings.Fields(`the and to a of in for is product this on that s with or as it are from
be ai can their by an not like you we how they data more what use user growth new model team about
customer market founder company value learning network price strategy build launch scale hire culture
feedback metric retention revenue experiment design research engineer manager leader decision risk
capital bitcoin ethereum protocol layer token vector matrix gradient neuron proof theorem prime circle
function probability signal language history word question answer story habit focus energy time
early late simple hard clear deep fast slow real`)

// vocabulary is common, then made-up words, longer the rarer they are.
var vocabulary = makeVocabulary()

func makeVocabulary() []string {
	rng := rand.New(rand.NewPCG(1, 2))
	onsets := strings.Fields("b c d f g h k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st str th tr")
	vowels := strings.Fields("a e i o u ai ea ee io ou")
	codas := []string{"", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "ng", "ck", "rs"}
	seen := map[string]bool{}
	words := make([]string, 0, vocabularySize)
	for _, w := range common {
		seen[w] = true
		words = append(words, w)
	}
	for len(words) < vocabularySize {
		rank := len(words)
		syllables := 1 + rng.IntN(2)
		if rank > 5000 {
			syllables += rng.IntN(3)
		}
		var b strings.Builder
		for range syllables {
			b.WriteString(onsets[rng.IntN(len(onsets))])
			b.WriteString(vowels[rng.IntN(len(vowels))])
		}
		b.WriteString(codas[rng.IntN(len(codas))])
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// topicWords is how many words a note keeps coming back to, and
// topicShare how often (in 1000) a word of its text is one of them.
const (
	topicWords = 24
	topicShare = 120
)

// words draws the text of one note: Zipf-distributed over the vocabulary,
// with the note's topic words mixed in.
type wordSource struct {
	rng    *rand.Rand
	zipf   *rand.Zipf
	topics []string
}

func newWordSource(rng *rand.Rand) *wordSource {
	return &wordSource{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2.5, vocabularySize-1)}
}

// newTopic picks the topic words of the next note, from the middle of the
// distribution: frequent enough to recur across notes, rare enough to
// tell them apart.
func (ws *wordSource) newTopic() {
	ws.topics = ws.topics[:0]
	for range topicWords {
		ws.topics = append(ws.topics, vocabulary[200+ws.rng.IntN(8000)])
	}
}

func (ws *wordSource) word() string {
	if len(ws.topics) > 0 && ws.rng.IntN(1000) < topicShare {
		return ws.topics[ws.rng.IntN(len(ws.topics))]
	}
	return vocabulary[ws.zipf.Uint64()]
}

func (ws *wordSource) noTopic() { ws.topics = ws.topics[:0] }
