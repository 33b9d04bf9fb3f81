::form-header
::lines
::signatures
::stamp
