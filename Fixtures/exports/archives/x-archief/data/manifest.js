window.__THAR_CONFIG = {
  "userInfo": {
    "accountId": "1500000001",
    "userName": "obsregenboog",
    "displayName": "Basisschool De Regenboog"
  },
  "dataTypes": {
    "tweets": {
      "files": [
        {
          "fileName": "data/tweets.js",
          "globalName": "YTD.tweets.part0",
          "count": "6"
        }
      ]
    }
  }
}
