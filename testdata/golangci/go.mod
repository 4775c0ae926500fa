module example.com/gclsample

go 1.24
