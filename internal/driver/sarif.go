package driver

// SARIF 2.1.0 output (-sarif, -format=sarif), for GitHub code scanning and
// other tools that read Static Analysis Results Interchange Format logs.
// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
)

// Output formats of the standalone mode.
const (
	FormatText  = "text"
	FormatJSON  = "json"
	FormatSARIF = "sarif"
)

// outputFormat resolves -format, -json and -sarif into one format.
func outputFormat(format string, jsonFlag, sarifFlag bool) (string, error) {
	switch format {
	case "", FormatText, FormatJSON, FormatSARIF:
	default:
		return "", fmt.Errorf("-format takes text, json or sarif, not %q", format)
	}
	if jsonFlag && sarifFlag {
		return "", fmt.Errorf("-json and -sarif exclude each other")
	}
	flagFormat := ""
	switch {
	case jsonFlag:
		flagFormat = FormatJSON
	case sarifFlag:
		flagFormat = FormatSARIF
	}
	if flagFormat != "" && format != "" && format != flagFormat {
		return "", fmt.Errorf("-%s contradicts -format=%s", flagFormat, format)
	}
	if flagFormat != "" {
		return flagFormat, nil
	}
	if format == "" {
		return FormatText, nil
	}
	return format, nil
}

// SARIF schema and version written in every log.
const (
	SARIFSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	SARIFVersion = "2.1.0"

	// SARIFSrcRoot is the uriBaseId of every artifact under the working
	// directory; originalUriBaseIds maps it to the directory.
	SARIFSrcRoot = "%SRCROOT%"

	// FingerprintKey names ctrlvet's partial fingerprint: a hash of the
	// analyzer, the file's relative path, the message and the trimmed text
	// of the reported line (not its number, so that it survives edits
	// elsewhere in the file), then ":" and the occurrence of that hash in
	// the log (1 for the first).
	FingerprintKey = "ctrlvetLineHash/v1"

	informationURI = "https://github.com/ctrlvet/ctrlvet"
)

// SARIF log types: only what ctrlvet writes.
type (
	// SARIFLog is a SARIF 2.1.0 log file.
	SARIFLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []SARIFRun `json:"runs"`
	}
	// SARIFRun is one run of the tool.
	SARIFRun struct {
		Tool               SARIFTool                   `json:"tool"`
		Invocations        []SARIFInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]SARIFArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []SARIFResult               `json:"results"`
	}
	// SARIFTool describes ctrlvet and its rules.
	SARIFTool struct {
		Driver SARIFDriver `json:"driver"`
	}
	// SARIFDriver is the tool component: ctrlvet.
	SARIFDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []SARIFRule `json:"rules"`
	}
	// SARIFRule is one analyzer.
	SARIFRule struct {
		ID                   string             `json:"id"`
		ShortDescription     SARIFMessage       `json:"shortDescription"`
		FullDescription      SARIFMessage       `json:"fullDescription"`
		HelpURI              string             `json:"helpUri,omitempty"`
		Help                 *SARIFMessage      `json:"help,omitempty"`
		DefaultConfiguration SARIFConfiguration `json:"defaultConfiguration"`
	}
	// SARIFConfiguration is a rule's default configuration.
	SARIFConfiguration struct {
		Level string `json:"level"`
	}
	// SARIFMessage is a plain-text message.
	SARIFMessage struct {
		Text string `json:"text"`
	}
	// SARIFInvocation says whether the run succeeded, with its problems.
	SARIFInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []SARIFNotification `json:"toolExecutionNotifications,omitempty"`
	}
	// SARIFNotification is a problem of the run (a package that does not
	// type-check, a pattern that matches nothing).
	SARIFNotification struct {
		Level   string       `json:"level"`
		Message SARIFMessage `json:"message"`
	}
	// SARIFResult is one finding.
	SARIFResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             SARIFMessage      `json:"message"`
		Locations           []SARIFLocation   `json:"locations"`
		RelatedLocations    []SARIFLocation   `json:"relatedLocations,omitempty"`
		CodeFlows           []SARIFCodeFlow   `json:"codeFlows,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []SARIFFix        `json:"fixes,omitempty"`
	}
	// SARIFCodeFlow is one path of a finding (sarifflow.go): one thread
	// flow per goroutine or per place the code runs.
	SARIFCodeFlow struct {
		ThreadFlows []SARIFThreadFlow `json:"threadFlows"`
	}
	// SARIFThreadFlow is the steps of one thread, in order; its message
	// names the thread ("on the leader").
	SARIFThreadFlow struct {
		Message   *SARIFMessage             `json:"message,omitempty"`
		Locations []SARIFThreadFlowLocation `json:"locations"`
	}
	// SARIFThreadFlowLocation is one step.
	SARIFThreadFlowLocation struct {
		Location SARIFLocation `json:"location"`
	}
	// SARIFFix is a suggested fix: go vet's suggested_fixes.
	SARIFFix struct {
		Description     SARIFMessage          `json:"description"`
		ArtifactChanges []SARIFArtifactChange `json:"artifactChanges"`
	}
	// SARIFArtifactChange is a fix's edits of one file.
	SARIFArtifactChange struct {
		ArtifactLocation SARIFArtifactLoc   `json:"artifactLocation"`
		Replacements     []SARIFReplacement `json:"replacements"`
	}
	// SARIFReplacement replaces a region (empty for an insertion) with
	// new text.
	SARIFReplacement struct {
		DeletedRegion   SARIFRegion           `json:"deletedRegion"`
		InsertedContent *SARIFArtifactContent `json:"insertedContent,omitempty"`
	}
	// SARIFArtifactContent is inserted text.
	SARIFArtifactContent struct {
		Text string `json:"text"`
	}
	// SARIFLocation is a location, with a message for related ones.
	SARIFLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation SARIFPhysicalLocation `json:"physicalLocation"`
		Message          *SARIFMessage         `json:"message,omitempty"`
	}
	// SARIFPhysicalLocation is a file and a region in it.
	SARIFPhysicalLocation struct {
		ArtifactLocation SARIFArtifactLoc `json:"artifactLocation"`
		Region           *SARIFRegion     `json:"region,omitempty"`
	}
	// SARIFArtifactLoc is a file's URI, relative to uriBaseId if set.
	SARIFArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	// SARIFRegion is a range of text; columns count UTF-16 code units,
	// the end column is exclusive.
	// A fix's region in a file that cannot be read is in bytes instead.
	SARIFRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
)

// SARIF returns the SARIF log of diags (as Flatten returns them) and of
// the run's problems. File paths under wd become URIs relative to
// %SRCROOT%, which is wd; others become absolute file URIs. readFile reads
// source files for the fingerprints and for column conversion (nil means
// os.ReadFile).
func SARIF(analyzers []*analysis.Analyzer, diags []Diagnostic, problems []string, wd, version string, readFile func(string) ([]byte, error)) *SARIFLog {
	if readFile == nil {
		readFile = os.ReadFile
	}
	sr := &sarifWriter{wd: wd, readFile: readFile, files: make(map[string][]string)}
	run := SARIFRun{
		Tool: SARIFTool{Driver: SARIFDriver{
			Name:           "ctrlvet",
			Version:        sarifVersion(version),
			InformationURI: informationURI,
			Rules:          []SARIFRule{},
		}},
		Invocations: []SARIFInvocation{{ExecutionSuccessful: len(problems) == 0}},
		ColumnKind:  "utf16CodeUnits",
		Results:     []SARIFResult{},
	}
	if wd != "" {
		run.OriginalURIBaseIDs = map[string]SARIFArtifactLoc{SARIFSrcRoot: {URI: dirURI(wd)}}
	}
	ruleIndex := make(map[string]int)
	addRule := func(name, doc, helpURI string) int {
		if i, ok := ruleIndex[name]; ok {
			return i
		}
		short := firstLine(doc)
		if short == "" {
			short = name
		}
		full := strings.TrimSpace(doc)
		if full == "" {
			full = short
		}
		r := SARIFRule{
			ID:                   name,
			ShortDescription:     SARIFMessage{Text: short},
			FullDescription:      SARIFMessage{Text: full},
			HelpURI:              helpURI,
			DefaultConfiguration: SARIFConfiguration{Level: "warning"},
		}
		if helpURI != "" {
			r.Help = &SARIFMessage{Text: short + "\n\nSee " + helpURI}
		}
		ruleIndex[name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r)
		return ruleIndex[name]
	}
	for _, a := range analyzers {
		addRule(a.Name, a.Doc, a.URL)
	}
	for _, p := range problems {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			SARIFNotification{Level: "error", Message: SARIFMessage{Text: p}})
	}
	seen := make(map[string]int)
	for _, d := range diags {
		loc, file, line := sr.location(d.Posn, d.End)
		res := SARIFResult{
			RuleID:    d.Analyzer,
			RuleIndex: addRule(d.Analyzer, "", ""),
			Level:     "warning",
			Message:   SARIFMessage{Text: d.Message},
			Locations: []SARIFLocation{loc},
		}
		for i, r := range d.Related {
			rl, _, _ := sr.location(r.Posn, r.End)
			id := i + 1
			rl.ID = &id
			rl.Message = &SARIFMessage{Text: r.Message}
			res.RelatedLocations = append(res.RelatedLocations, rl)
		}
		res.CodeFlows = codeFlows(d.Analyzer, d.Message, loc, res.RelatedLocations)
		res.Fixes = sr.fixes(d.Fixes)
		h := fingerprint(d.Analyzer, sr.relSlash(file), d.Message, strings.TrimSpace(sr.line(file, line)))
		seen[h]++
		res.PartialFingerprints = map[string]string{FingerprintKey: fmt.Sprintf("%s:%d", h, seen[h])}
		run.Results = append(run.Results, res)
	}
	return &SARIFLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []SARIFRun{run}}
}

// sarifVersion returns the tool version as SARIF wants it, starting with a
// digit: "0.1.0" for v0.1.0, and the semantic-versioning pre-release
// "0.0.0-devel" for a development build ("(devel)").
func sarifVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-devel"
	}
	return v
}

// WriteSARIF writes log as indented JSON.
func WriteSARIF(w io.Writer, log *SARIFLog) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// fingerprint hashes what identifies a finding independently of its line
// number.
func fingerprint(analyzer, relPath, message, lineText string) string {
	h := sha256.New()
	for _, s := range []string{analyzer, relPath, message, lineText} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

type sarifWriter struct {
	wd       string
	readFile func(string) ([]byte, error)
	files    map[string][]string // file -> lines, nil if unreadable
}

// location converts go vet's "file:line:col" positions into a SARIF
// location. It returns the file and line too.
func (sr *sarifWriter) location(posn, end string) (SARIFLocation, string, int) {
	file, line, col := splitPosn(posn)
	loc := SARIFLocation{PhysicalLocation: SARIFPhysicalLocation{ArtifactLocation: sr.artifact(file)}}
	if line <= 0 {
		return loc, file, line
	}
	reg := &SARIFRegion{StartLine: line}
	if col > 0 {
		reg.StartColumn = sr.column(file, line, col)
	}
	// go vet writes end = posn for a diagnostic without an end: then the
	// region is the rest of the line, SARIF's default.
	if end != "" && end != posn {
		ef, el, ec := splitPosn(end)
		if ef == file && el > 0 && (el > line || (el == line && ec >= col)) {
			reg.EndLine = el
			if ec > 0 {
				reg.EndColumn = sr.column(file, el, ec)
			}
		}
	}
	loc.PhysicalLocation.Region = reg
	return loc, file, line
}

// artifact returns file's location: relative to %SRCROOT% (the working
// directory) when under it, else an absolute file URI.
func (sr *sarifWriter) artifact(file string) SARIFArtifactLoc {
	if !filepath.IsAbs(file) {
		return SARIFArtifactLoc{URI: relURI(filepath.ToSlash(file)), URIBaseID: SARIFSrcRoot}
	}
	if rel, ok := sr.rel(file); ok {
		return SARIFArtifactLoc{URI: relURI(rel), URIBaseID: SARIFSrcRoot}
	}
	return SARIFArtifactLoc{URI: fileURI(file)}
}

// rel returns file relative to wd with forward slashes, if it is under wd.
func (sr *sarifWriter) rel(file string) (string, bool) {
	if sr.wd == "" || !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(sr.wd, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// relSlash returns file relative to wd with forward slashes, or file
// itself (slashed) when it is not under wd.
func (sr *sarifWriter) relSlash(file string) string {
	if rel, ok := sr.rel(file); ok {
		return rel
	}
	return filepath.ToSlash(file)
}

// line returns line n (1-based) of file, or "".
func (sr *sarifWriter) line(file string, n int) string {
	lines, ok := sr.files[file]
	if !ok {
		if data, err := sr.readFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		sr.files[file] = lines
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// column converts go's 1-based byte column into SARIF's 1-based UTF-16
// column. It keeps the byte column when the line cannot be read.
func (sr *sarifWriter) column(file string, line, col int) int {
	text := sr.line(file, line)
	if text == "" || col-1 > len(text) {
		return col
	}
	return len(utf16.Encode([]rune(text[:col-1]))) + 1
}

// vetFix is a suggested fix as go vet's -json output gives it: edits in
// byte offsets.
type vetFix struct {
	Message string `json:"message"`
	Edits   []struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	} `json:"edits"`
}

// fixes converts go vet's suggested fixes (Diagnostic.Fixes, decoded as
// any) into SARIF fixes. A fix it cannot read is left out.
func (sr *sarifWriter) fixes(raw any) []SARIFFix {
	if raw == nil {
		return nil
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return nil
	}
	var vfs []vetFix
	if err := json.Unmarshal(data, &vfs); err != nil {
		return nil
	}
	var out []SARIFFix
	for _, vf := range vfs {
		fix := SARIFFix{Description: SARIFMessage{Text: vf.Message}}
		byFile := make(map[string]int)
		for _, e := range vf.Edits {
			if e.Filename == "" || e.Start < 0 || e.End < e.Start {
				continue
			}
			i, ok := byFile[e.Filename]
			if !ok {
				i = len(fix.ArtifactChanges)
				byFile[e.Filename] = i
				fix.ArtifactChanges = append(fix.ArtifactChanges, SARIFArtifactChange{ArtifactLocation: sr.artifact(e.Filename)})
			}
			rep := SARIFReplacement{DeletedRegion: sr.offsetRegion(e.Filename, e.Start, e.End)}
			if e.New != "" {
				rep.InsertedContent = &SARIFArtifactContent{Text: e.New}
			}
			fix.ArtifactChanges[i].Replacements = append(fix.ArtifactChanges[i].Replacements, rep)
		}
		if vf.Message == "" || len(fix.ArtifactChanges) == 0 {
			continue
		}
		out = append(out, fix)
	}
	return out
}

// offsetRegion returns the region of bytes [start, end) of file: in lines
// and UTF-16 columns, or in bytes when the file cannot be read or is
// shorter.
func (sr *sarifWriter) offsetRegion(file string, start, end int) SARIFRegion {
	sl, sc, ok1 := sr.lineCol(file, start)
	el, ec, ok2 := sr.lineCol(file, end)
	if !ok1 || !ok2 {
		n := end - start
		return SARIFRegion{ByteOffset: &start, ByteLength: &n}
	}
	return SARIFRegion{
		StartLine: sl, StartColumn: sr.column(file, sl, sc),
		EndLine: el, EndColumn: sr.column(file, el, ec),
	}
}

// lineCol returns the 1-based line and byte column of a byte offset of
// file.
func (sr *sarifWriter) lineCol(file string, off int) (int, int, bool) {
	sr.line(file, 1) // reads the file
	lines := sr.files[file]
	for i, l := range lines {
		// each line but the last had a newline: its offset is len(l)
		if off <= len(l) {
			return i + 1, off + 1, true
		}
		off -= len(l) + 1
	}
	return 0, 0, false
}

// relURI escapes a relative slash-separated path as a URI reference.
func relURI(p string) string {
	u := url.URL{Path: p}
	return u.String()
}

// fileURI returns the file:// URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x -> /C:/x
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// dirURI returns the file:// URI of a directory, ending in a slash as
// SARIF requires of a base URI.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
