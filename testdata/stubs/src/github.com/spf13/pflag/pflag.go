package pflag

type FlagSet struct{}

func NewFlagSet(name string, h int) *FlagSet { return &FlagSet{} }

func (f *FlagSet) StringVar(p *string, name string, value string, usage string)             {}
func (f *FlagSet) StringVarP(p *string, name, shorthand string, value string, usage string) {}
func StringVar(p *string, name string, value string, usage string)                          {}
func StringVarP(p *string, name, shorthand string, value string, usage string)              {}
func String(name string, value string, usage string) *string                                { return new(string) }
func StringP(name, shorthand string, value string, usage string) *string                    { return new(string) }
func Parse()                                                                                {}
