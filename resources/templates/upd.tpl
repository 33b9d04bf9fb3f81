::form-header
::lines
::signatures
