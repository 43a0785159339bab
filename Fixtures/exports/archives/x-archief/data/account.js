window.YTD.account.part0 = [
  {
    "account": {
      "email": "info@regenboog-voorbeeld.nl",
      "createdVia": "web",
      "username": "obsregenboog",
      "accountId": "1500000001",
      "createdAt": "2015-09-01T08:00:00.000Z",
      "accountDisplayName": "Basisschool De Regenboog"
    }
  }
]
